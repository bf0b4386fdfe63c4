using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests;

public static class Fixtures
{
    public static readonly Guardrails SafeGuardrails = new(MaxFiles: 5, MaxLines: 50, MaxBinaryBytes: 1024);

    public static AutoshipConfig Config(params AgentDefinition[] agents)
    {
        LanePolicy Lane(Lane l) => new(l, l.Name(), [], 1, true, [], [], null, l == Core.Lane.Human, [], false, l != Core.Lane.Human, SafeGuardrails);
        return new AutoshipConfig(
            1,
            [],
            new Dictionary<Lane, LanePolicy> { [Core.Lane.Safe] = Lane(Core.Lane.Safe), [Core.Lane.Staging] = Lane(Core.Lane.Staging), [Core.Lane.Human] = Lane(Core.Lane.Human) },
            [new AreaDefinition("docs", ["docs/**", "**/*.md"], Core.Lane.Safe), new AreaDefinition("api", ["src/api/**", "tests/api/**"], Core.Lane.Staging)],
            [],
            [new PathRule("workflows", [".github/workflows/**"], Core.Lane.Human, "CI workflows")],
            [],
            [".github/workflows/**", "**/*.pem"],
            agents,
            ConfigDefaults.Loop with { MaxAgentMinutesPerDay = 600 },
            ConfigDefaults.Validation with { RequiredChecks = ["ci"] },
            ConfigDefaults.Sizing with { S = 50, M = 200, L = 800, Generated = [] },
            ConfigDefaults.Protections);
    }

    public static WorkOrder Order(string body = "Fix the guide.", Lane lane = Lane.Safe, string owner = "author", string validation = "", IReadOnlyList<string>? allowed = null, Guardrails? guardrails = null, int issue = 42) =>
        new("acme/app", issue, "Fix the guide", body, "docs", "low", lane, owner, "reviewer", null,
            allowed ?? ["docs/**", "**/*.md"], guardrails ?? SafeGuardrails, [".github/workflows/**", "**/*.pem"], validation, 1,
            new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero));

    public static AgentDefinition Agent(string name = "author", string preset = "command", IReadOnlyList<string>? command = null, string? model = null,
        IReadOnlyList<string>? args = null, IReadOnlyList<string>? env = null, TimeSpan? timeout = null, TimeSpan? inactivity = null, SandboxKind sandbox = SandboxKind.None, bool network = true) =>
        new(name, name, ["docs"], true, true, null, new RunnerSettings(preset, model, args ?? [], command ?? []),
            timeout ?? TimeSpan.FromSeconds(60), inactivity ?? TimeSpan.FromSeconds(60), env ?? ["AGENT_RECORD"], null, sandbox, network, 1);
}
