using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class ConfigLoaderDefaultsTests
{
    private static readonly AutoshipConfig Minimal = ConfigYaml.Load(ConfigYaml.Base).Config!;

    [Fact]
    public void Load_MinimalConfig_IsValid()
    {
        var result = ConfigYaml.Load(ConfigYaml.Base);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Config.ShouldNotBeNull();
    }

    [Fact]
    public void Load_MissingOptionalSections_GetTheDocumentedDefaults()
    {
        Minimal.Loop.Schedule.ShouldBe("*/15 * * * *");
        Minimal.Loop.ClaimTimeout.ShouldBe(TimeSpan.FromHours(2));
        (Minimal.Loop.MaxAttempts, Minimal.Loop.MaxConcurrent, Minimal.Loop.KillSwitch).ShouldBe((3, 2, false));
        Minimal.Validation.Entrypoint.ShouldBe("scripts/test.sh");
        Minimal.Sizing.L.ShouldBe(500);
        Minimal.Protections.ShouldBe(ConfigDefaults.Protections);
        Minimal.Never.ShouldBe(ConfigDefaults.Never);
        Minimal.LabelRules.ShouldBeEmpty();
        Minimal.PathRules.ShouldBeEmpty();
        Minimal.ContentRules.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Lane.Safe)]
    [InlineData(Lane.Staging)]
    [InlineData(Lane.Human)]
    public void Load_MissingLanes_AreTheSeedLanes(Lane lane)
    {
        var expected = ConfigDefaults.Lane(lane);
        var actual = Minimal.Lane(lane);
        (actual.Lane, actual.HumanApproval, actual.DeploymentEnvironment, actual.Guardrails, actual.AutoMerge)
            .ShouldBe((expected.Lane, expected.HumanApproval, expected.DeploymentEnvironment, expected.Guardrails, expected.AutoMerge));
        actual.RequiredLabels.ShouldBe(expected.RequiredLabels);
    }

    [Fact]
    public void Load_AgentWithOnlyNameAndAreas_GetsAgentDefaults()
    {
        var agent = Minimal.Agent("author-a")!;
        agent.Authors.ShouldBeTrue();
        agent.Reviews.ShouldBeTrue();
        agent.Reviewer.ShouldBeNull();
        agent.Runner.ShouldBe(ConfigDefaults.Runner);
        agent.Timeout.ShouldBe(TimeSpan.FromMinutes(30));
        agent.Inactivity.ShouldBe(TimeSpan.FromMinutes(10));
        (agent.Sandbox, agent.Network, agent.MaxConcurrent, agent.Login).ShouldBe((SandboxKind.None, true, 1, (string?)null));
    }

    [Fact]
    public void Load_PartialLane_KeepsSeedValuesForKeysLeftOut()
    {
        var config = ConfigYaml.Load(ConfigYaml.Base + "lanes: { staging: { deployment: null, guardrails: { maxFiles: 5 } } }\n").Config!;
        var staging = config.Lane(Lane.Staging);
        staging.DeploymentEnvironment.ShouldBeNull();
        staging.Guardrails.ShouldBe(new global::Autoship.Core.Config.Guardrails(5, 400, ConfigDefaults.MaxBinaryBytes));
        staging.ReviewerApprovals.ShouldBe(1);
    }

    [Fact]
    public void Load_ExplicitValues_AreMapped()
    {
        var yaml = ConfigYaml.With("name: author-b,", "name: author-b, runner: { preset: command, command: [my-agent, --yes], model: m1 }, timeout: 01:30:00, sandbox: bwrap, env: [HOME],") +
            "loop: { claimTimeout: 1d, pausedLanes: [staging], killSwitch: true }\n" +
            "rules: { content: [ { id: d, pattern: 'x', action: forbid, lane: staging, reason: r, paths: [\"**/*.sql\"] } ] }\n";
        var result = ConfigYaml.Load(yaml);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var agent = result.Config!.Agent("author-b")!;
        agent.Runner.ShouldBe(agent.Runner with { Preset = "command", Model = "m1" });
        agent.Runner.Command.ShouldBe(["my-agent", "--yes"]);
        agent.Timeout.ShouldBe(TimeSpan.FromMinutes(90));
        agent.Sandbox.ShouldBe(SandboxKind.Bwrap);
        agent.Env.ShouldBe(["HOME"]);
        result.Config.Loop.ClaimTimeout.ShouldBe(TimeSpan.FromDays(1));
        result.Config.Loop.PausedLanes.ShouldBe([Lane.Staging]);
        result.Config.Loop.KillSwitch.ShouldBeTrue();
        result.Config.ContentRules.Single().ShouldBe(result.Config.ContentRules.Single() with { Action = ContentAction.Forbid, Lane = Lane.Staging });
    }
}
