using Autoship.Core.Config;

namespace Autoship.Core.Tests.Ownership;

public sealed class OwnershipPolicyTests
{
    [Theory]
    [InlineData("ops", TestConfigs.Orchestrator, TestConfigs.Qa)]
    [InlineData("docs", TestConfigs.Orchestrator, TestConfigs.Qa)]
    [InlineData("test", TestConfigs.Qa, TestConfigs.Steward)]
    [InlineData("cli-sdk", TestConfigs.CliSdk, TestConfigs.Qa)]
    [InlineData("web", TestConfigs.CliSdk, TestConfigs.Qa)]
    [InlineData("api", TestConfigs.Steward, TestConfigs.Qa)]
    [InlineData("auth", TestConfigs.Steward, TestConfigs.Qa)]
    [InlineData("runtime", TestConfigs.Steward, TestConfigs.Qa)]
    [InlineData("infra", TestConfigs.Steward, TestConfigs.Qa)]
    public void Assign_SeedArea_GivesTheSeedOwnerAndADifferentReviewer(string area, string owner, string reviewer)
    {
        var decision = OwnershipPolicy.Assign(area, TestConfigs.Default());

        decision.Assigned.ShouldBeTrue(string.Join("; ", decision.Reasons));
        decision.Owner!.Name.ShouldBe(owner);
        decision.Reviewer!.Name.ShouldBe(reviewer);
        decision.ReviewerLogin.ShouldBe(reviewer + "[bot]");
    }

    [Fact]
    public void Assign_NoAgentOwnsTheArea_SaysNoOwner()
    {
        var decision = OwnershipPolicy.Assign("mobile", TestConfigs.Default());

        decision.Assigned.ShouldBeFalse();
        decision.Reasons.Single().Code.ShouldBe("no-owner");
    }

    [Fact]
    public void Assign_TwoAgentsOwnTheArea_SaysMultipleOwnersNamingThem()
    {
        var config = TestConfigs.Default();
        config = config with { Agents = [.. config.Agents, TestConfigs.Agent("docs-bot", ["docs"], TestConfigs.Qa)] };

        var decision = OwnershipPolicy.Assign("docs", config);

        decision.Owner.ShouldBeNull();
        decision.Reasons.Single().Code.ShouldBe("multiple-owners");
        decision.Reasons.Single().Message.ShouldContain("docs-bot");
    }

    [Fact]
    public void Assign_AgentThatDoesNotAuthor_DoesNotOwn()
    {
        var config = TestConfigs.Default();
        config = config with { Agents = [.. config.Agents, TestConfigs.Agent("reviewer-only", ["docs"], null) with { Authors = false }] };

        OwnershipPolicy.Assign("docs", config).Owner!.Name.ShouldBe(TestConfigs.Orchestrator);
    }

    [Fact]
    public void Assign_NoReviewerConfigured_PicksTheFirstReviewingAgentThatIsNotTheOwner()
    {
        var config = TestConfigs.Default();
        config = config with { Agents = [.. config.Agents.Select(a => a with { Reviewer = null })] };

        OwnershipPolicy.Assign("docs", config).Reviewer!.Name.ShouldBe(TestConfigs.Qa);
        OwnershipPolicy.Assign("test", config).Reviewer!.Name.ShouldBe(TestConfigs.Orchestrator);
    }

    [Theory]
    [InlineData(TestConfigs.Orchestrator, "itself")]
    [InlineData("ghost", "not a configured agent")]
    public void Assign_ReviewerMisconfigured_SaysNoReviewer(string reviewer, string expected)
    {
        var config = TestConfigs.Default();
        config = config with { Agents = [.. config.Agents.Select(a => a.Name == TestConfigs.Orchestrator ? a with { Reviewer = reviewer } : a)] };

        var decision = OwnershipPolicy.Assign("docs", config);

        decision.Assigned.ShouldBeFalse();
        decision.Reasons.Single().Code.ShouldBe("no-reviewer");
        decision.Reasons.Single().Message.ShouldContain(expected);
    }

    [Fact]
    public void Assign_OnlyTheOwnerReviews_SaysNoReviewer()
    {
        AgentDefinition solo = TestConfigs.Agent("solo", ["docs"], null);
        var config = TestConfigs.Default() with { Agents = [solo] };

        OwnershipPolicy.Assign("docs", config).Reasons.Single().Code.ShouldBe("no-reviewer");
    }

    [Fact]
    public void Assign_NamedReviewerDoesNotReview_SaysNoReviewer()
    {
        var config = TestConfigs.Default();
        config = config with { Agents = [.. config.Agents.Select(a => a.Name == TestConfigs.Qa ? a with { Reviews = false } : a)] };

        OwnershipPolicy.Assign("docs", config).Reasons.Single().Code.ShouldBe("no-reviewer");
    }
}
