namespace Autoship.Core.Tests.Triage;

public sealed class TriagePolicyTests
{
    private static readonly global::Autoship.Core.Config.AutoshipConfig Config = TestConfigs.Default();

    [Theory]
    [InlineData("area:docs", "risk:low", "docs", "low")]
    [InlineData("area:api", "risk:medium", "api", "medium")]
    [InlineData("area:cli-sdk", "risk:high", "cli-sdk", "high")]
    [InlineData("AREA:Web", "risk:LOW", "web", "low")]
    public void Evaluate_ReadyIssueWithOneAreaAndRisk_IsEligible(string area, string risk, string expectedArea, string expectedRisk)
    {
        var decision = TriagePolicy.Evaluate(Issues.With(Labels.Ready, area, risk), Config);

        decision.Eligible.ShouldBeTrue(string.Join("; ", decision.Reasons));
        decision.Area.ShouldBe(expectedArea);
        decision.Risk.ShouldBe(expectedRisk);
        decision.Reasons.Single().Code.ShouldBe("eligible");
    }

    [Theory]
    [InlineData(new[] { "area:docs", "risk:low" }, "not-ready")]
    [InlineData(new[] { Labels.Ready, "risk:low" }, "no-area")]
    [InlineData(new[] { Labels.Ready, "area:docs", "area:api", "risk:low" }, "multiple-areas")]
    [InlineData(new[] { Labels.Ready, "area:mobile", "risk:low" }, "unknown-area")]
    [InlineData(new[] { Labels.Ready, "area:docs" }, "no-risk")]
    [InlineData(new[] { Labels.Ready, "area:docs", "risk:low", "risk:high" }, "multiple-risks")]
    [InlineData(new[] { Labels.Ready, "area:docs", "risk:extreme" }, "unknown-risk")]
    [InlineData(new[] { Labels.Ready, "area:docs", "risk:low", Labels.Blocked }, "blocked")]
    [InlineData(new[] { Labels.Ready, "area:docs", "risk:low", Labels.Claimed }, "claimed")]
    [InlineData(new[] { Labels.Ready, "area:docs", "risk:low", "size:xs", "size:l" }, "multiple-sizes")]
    public void Evaluate_OneRuleBroken_IsNotEligibleWithThatCode(string[] labels, string code)
    {
        var decision = TriagePolicy.Evaluate(Issues.With(labels), Config);

        decision.Eligible.ShouldBeFalse();
        decision.Reasons.Select(r => r.Code).ShouldBe([code]);
    }

    [Fact]
    public void Evaluate_ManyRulesBroken_ReportsEveryOneAtOnce()
    {
        var issue = Issues.With(Labels.Ready, Labels.Blocked, Labels.Claimed, "area:api", "area:web") with { Open = false };

        var decision = TriagePolicy.Evaluate(issue, Config);

        decision.Reasons.Select(r => r.Code).ShouldBe(["closed", "blocked", "claimed", "multiple-areas", "no-risk"], ignoreOrder: true);
    }

    [Fact]
    public void Evaluate_ReadyAndBlocked_ExplainsTheConflict()
    {
        var decision = TriagePolicy.Evaluate(Issues.With(Labels.Ready, Labels.Blocked, "area:docs", "risk:low"), Config);

        decision.Reasons.Single().Message.ShouldContain("both autonomy:ready and autonomy:blocked");
    }

    [Fact]
    public void Evaluate_MultipleAreas_NamesThemAndAsksForASingleOwner()
    {
        var decision = TriagePolicy.Evaluate(Issues.With(Labels.Ready, "area:docs", "area:infra", "risk:low"), Config);

        var message = decision.Reasons.Single().Message;
        message.ShouldContain("area:docs");
        message.ShouldContain("area:infra");
        message.ShouldContain("single owner");
    }

    [Theory]
    [InlineData(Permission.None)]
    [InlineData(Permission.Read)]
    [InlineData(Permission.Triage)]
    public void Evaluate_ReadyAddedWithoutWriteAccess_IsUntrusted(Permission permission)
    {
        var issue = Issues.By(new Actor("drive-by", permission), Labels.Ready, "area:docs", "risk:low");

        var decision = TriagePolicy.Evaluate(issue, Config);

        decision.Eligible.ShouldBeFalse();
        decision.Reasons.Single().Code.ShouldBe("ready-untrusted");
        decision.Reasons.Single().Message.ShouldContain("drive-by");
    }

    [Theory]
    [InlineData(Permission.Write)]
    [InlineData(Permission.Maintain)]
    [InlineData(Permission.Admin)]
    public void Evaluate_ReadyAddedWithWriteAccess_IsTrusted(Permission permission)
    {
        var issue = Issues.By(new Actor("writer", permission), Labels.Ready, "area:docs", "risk:low");

        TriagePolicy.Evaluate(issue, Config).Eligible.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_ReadyWithUnknownProvenance_FailsClosed()
    {
        var issue = Issues.With(Labels.Ready, "area:docs", "risk:low") with { LabelEvents = [] };

        var decision = TriagePolicy.Evaluate(issue, Config);

        decision.Eligible.ShouldBeFalse();
        decision.Reasons.Single().Code.ShouldBe("ready-untrusted");
    }

    [Fact]
    public void Evaluate_ReadyReappliedByReaderAfterMaintainer_UsesTheLatestAdd()
    {
        var reader = new Actor("reader", Permission.Read);
        var issue = Issues.With(Labels.Ready, "area:docs", "risk:low") with
        {
            LabelEvents =
            [
                new LabelEvent(Labels.Ready, true, Issues.Maintainer, Issues.T0),
                new LabelEvent(Labels.Ready, false, reader, Issues.T0.AddMinutes(1)),
                new LabelEvent(Labels.Ready, true, reader, Issues.T0.AddMinutes(2)),
            ],
        };

        TriagePolicy.Evaluate(issue, Config).Reasons.Single().Code.ShouldBe("ready-untrusted");
    }

    [Theory]
    [InlineData("area:api")]
    [InlineData("area:web")]
    [InlineData("area:auth")]
    [InlineData("area:cli-sdk")]
    [InlineData("area:runtime")]
    [InlineData("area:test")]
    [InlineData("area:infra")]
    [InlineData("area:ops")]
    [InlineData("area:docs")]
    public void Evaluate_EverySeedAreaLabel_IsAKnownArea(string area)
    {
        TriagePolicy.Evaluate(Issues.With(Labels.Ready, area, "risk:low"), Config).Eligible.ShouldBeTrue();
    }
}
