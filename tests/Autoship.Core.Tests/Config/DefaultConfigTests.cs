using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class DefaultConfigTests
{
    private static readonly AutoshipConfig Config = DefaultConfig.Load();

    [Fact]
    public void Load_DefaultYaml_HasNoErrors()
    {
        var result = ConfigLoader.Load(DefaultConfig.Yaml, AutoshipConfig.DefaultPath);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.IsValid.ShouldBeTrue();
    }

    public static TheoryData<string> SeedLabels()
    {
        var data = new TheoryData<string>();
        foreach (var label in Labels.Areas.Concat(Labels.Risks).Concat(Labels.Autonomy).Concat(Labels.Sizes))
        {
            data.Add(label);
        }

        data.Add("lane:safe");
        data.Add("lane:staging");
        data.Add("lane:human");
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedLabels))]
    public void Labels_EverySeedLabel_IsDefinedWithColorAndDescription(string name)
    {
        var label = Config.Labels.SingleOrDefault(l => l.Name == name);
        label.ShouldNotBeNull();
        label.Color.Length.ShouldBe(6);
        label.Description.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("api", Lane.Staging)]
    [InlineData("web", Lane.Staging)]
    [InlineData("auth", Lane.Human)]
    [InlineData("cli-sdk", Lane.Safe)]
    [InlineData("runtime", Lane.Human)]
    [InlineData("test", Lane.Safe)]
    [InlineData("infra", Lane.Human)]
    [InlineData("ops", Lane.Staging)]
    [InlineData("docs", Lane.Safe)]
    public void Areas_EachSeedArea_HasItsLaneAndPaths(string name, Lane lane)
    {
        var area = Config.Area(name);
        area.ShouldNotBeNull();
        area.Lane.ShouldBe(lane);
        area.Paths.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("mission-control-orchestrator", new[] { "ops", "docs" }, "qa-reliability-engineer")]
    [InlineData("qa-reliability-engineer", new[] { "test" }, "control-plane-steward")]
    [InlineData("cli-sdk-contract-keeper", new[] { "cli-sdk", "web" }, "qa-reliability-engineer")]
    [InlineData("control-plane-steward", new[] { "api", "auth", "runtime", "infra" }, "qa-reliability-engineer")]
    public void Agents_FirstFourAgents_OwnTheirAreasAndHaveAnotherReviewer(string name, string[] areas, string reviewer)
    {
        var agent = Config.Agent(name);
        agent.ShouldNotBeNull();
        agent.Areas.ShouldBe(areas);
        agent.Authors.ShouldBeTrue();
        agent.Reviews.ShouldBeTrue();
        agent.Runner.Preset.ShouldBe("builtin");
        Config.ReviewerFor(agent)!.Name.ShouldBe(reviewer);
    }

    [Fact]
    public void Lanes_SafeLane_RequiresSeedLabelsAndSmallGuardrails()
    {
        var safe = Config.Lane(Lane.Safe);
        safe.ReviewerApprovals.ShouldBe(1);
        safe.RequireChecks.ShouldBeTrue();
        safe.RequiredLabels.ShouldBe(["autonomy:safe"]);
        safe.RequiredAnyLabels.ShouldBe(["size:xs", "size:s"]);
        safe.AutoMerge.ShouldBeTrue();
        safe.Guardrails.ShouldBe(new global::Autoship.Core.Config.Guardrails(10, 200, 1_048_576) { MaxPassBytes = 524_288 });
    }

    [Fact]
    public void Lanes_StagingLane_NeedsStagingDeployment()
    {
        var staging = Config.Lane(Lane.Staging);
        staging.DeploymentEnvironment.ShouldBe("staging");
        staging.ReviewerApprovals.ShouldBe(1);
        staging.Guardrails.ShouldBe(new global::Autoship.Core.Config.Guardrails(20, 400, 1_048_576));
    }

    [Fact]
    public void Lanes_HumanLane_NeedsHumanApprovalAndEvidence()
    {
        var human = Config.Lane(Lane.Human);
        human.HumanApproval.ShouldBeTrue();
        human.VerificationEvidence.ShouldBeTrue();
        human.Approvers.ShouldBeEmpty();
        human.Guardrails.ShouldBe(new global::Autoship.Core.Config.Guardrails(20, 400, 1_048_576));
    }

    [Fact]
    public void Protections_AreTheSeedRecommendations()
    {
        Config.Protections.ShouldBe(new ProtectionSettings("main", true, 1, true, true, true, true, true));
    }

    [Fact]
    public void Rules_CoverRiskLabelsAndWhatNotToAutomate()
    {
        Config.LabelRules.ShouldContain(new LabelRule("risk:high", Lane.Human, "labeled high risk"));
        Config.LabelRules.Single(r => r.Label == "risk:medium").Lane.ShouldBe(Lane.Staging);
        Config.PathRules.Single(r => r.Id == "migrations").Paths.ShouldBe(["**/migrations/**", "**/*.sql"]);
        Config.PathRules.Single(r => r.Id == "deploy-scripts").Lane.ShouldBe(Lane.Human);
        Config.PathRules.ShouldAllBe(r => r.Lane == Lane.Human);
        Config.ContentRules.Where(r => r.Action == ContentAction.Forbid).Select(r => r.Id)
            .ShouldBe(["drop-table", "truncate", "delete-without-where"]);
        Config.ContentRules.Single(r => r.Id == "drop-column").Action.ShouldBe(ContentAction.Raise);
        Config.Never.ShouldBe(ConfigDefaults.Never);
    }

    [Theory]
    [InlineData("drop-table", "DROP TABLE users;", true)]
    [InlineData("drop-table", "drop   database prod", true)]
    [InlineData("drop-table", "dropTable(users)", false)]
    [InlineData("truncate", "TRUNCATE TABLE sessions;", true)]
    [InlineData("truncate", "TRUNCATE users;", true)]
    [InlineData("truncate", "text = truncate(text, 20)", false)]
    [InlineData("delete-without-where", "DELETE FROM users;", true)]
    [InlineData("delete-without-where", "DELETE FROM users WHERE id = 1;", false)]
    [InlineData("drop-column", "ALTER TABLE users DROP COLUMN email;", true)]
    [InlineData("drop-column", "ALTER TABLE users ADD COLUMN email text;", false)]
    public void ContentRules_Patterns_MatchTheDestructiveStatements(string id, string line, bool matches)
    {
        var rule = Config.ContentRules.Single(r => r.Id == id);
        System.Text.RegularExpressions.Regex.IsMatch(line, rule.Pattern).ShouldBe(matches);
    }

    [Fact]
    public void LoopValidationSizing_AreTheDocumentedValues()
    {
        Config.Loop.ShouldBe(ConfigDefaults.Loop with { PausedLanes = Config.Loop.PausedLanes, DashboardIssue = true });
        ConfigDefaults.Loop.DashboardIssue.ShouldBeFalse();
        Config.Loop.PausedLanes.ShouldBeEmpty();
        Config.Validation.Entrypoint.ShouldBe("scripts/test.sh");
        Config.Validation.RequiredChecks.ShouldBe(["ci"]);
        (Config.Sizing.Xs, Config.Sizing.S, Config.Sizing.M, Config.Sizing.L).ShouldBe((10, 30, 100, 500));
        Config.Sizing.Generated.ShouldBe(ConfigDefaults.Generated);
    }
}
