using Autoship.Core.Config;
using GuardrailLimits = Autoship.Core.Config.Guardrails;

namespace Autoship.Core.Tests;

/// <summary>
/// Configurations built in code for policy tests. <see cref="Default"/> mirrors the seed's operating model (the shape
/// <c>autoship init</c> writes) without depending on the YAML loader; variants use <c>with</c> expressions.
/// </summary>
public static class TestConfigs
{
    public const string Orchestrator = "mission-control-orchestrator";
    public const string Qa = "qa-reliability-engineer";
    public const string CliSdk = "cli-sdk-contract-keeper";
    public const string Steward = "control-plane-steward";

    public static AutoshipConfig Default() => new(
        Version: 1,
        Labels: [.. Autoship.Core.Labels.Areas.Concat(Autoship.Core.Labels.Risks).Concat(Autoship.Core.Labels.Autonomy).Concat(Autoship.Core.Labels.Sizes)
            .Select(l => new LabelDefinition(l, "ededed", l))],
        Lanes: new Dictionary<Lane, LanePolicy>
        {
            [Lane.Safe] = SafeLane(),
            [Lane.Staging] = StagingLane(),
            [Lane.Human] = HumanLane(),
        },
        Areas:
        [
            new AreaDefinition("api", ["src/api/**", "api/**"], Lane.Staging),
            new AreaDefinition("web", ["web/**"], Lane.Staging),
            new AreaDefinition("auth", ["**/auth/**"], Lane.Human),
            new AreaDefinition("cli-sdk", ["cli/**", "sdk/**"], Lane.Safe),
            new AreaDefinition("runtime", ["runtime/**"], Lane.Human),
            new AreaDefinition("test", ["tests/**"], Lane.Safe),
            new AreaDefinition("infra", ["infra/**", "**/*.tf"], Lane.Human),
            new AreaDefinition("ops", ["ops/**"], Lane.Staging),
            new AreaDefinition("docs", ["docs/**", "**/*.md"], Lane.Safe),
        ],
        LabelRules:
        [
            new LabelRule("risk:high", Lane.Human, "high-risk work needs a human"),
            new LabelRule("risk:medium", Lane.Staging, "medium-risk work goes through staging"),
        ],
        PathRules:
        [
            new PathRule("migrations", ["**/migrations/**"], Lane.Human, "database migrations"),
            new PathRule("deploy-scripts", ["scripts/deploy*"], Lane.Human, "deployment scripts reach production"),
        ],
        ContentRules:
        [
            new ContentRule("drop", @"(?i)\bdrop\s+(table|database|schema)\b", ContentAction.Forbid, Lane.Human, "destructive data operation (DROP)", []),
            new ContentRule("truncate", @"(?i)\btruncate\s+table\b", ContentAction.Forbid, Lane.Human, "destructive data operation (TRUNCATE)", []),
            new ContentRule("delete-without-where", @"(?i)\bdelete\s+from\s+[\w.""`\[\]]+\s*(;|""|'|$)", ContentAction.Forbid, Lane.Human, "DELETE without WHERE removes every row", []),
            new ContentRule("drop-column", @"(?i)alter\s+table\s+\w+\s+drop\s+column", ContentAction.Raise, Lane.Human, "dropping a column is a schema migration", []),
        ],
        Never: [".github/workflows/**", ".github/autoship.yml", ".git/**", "**/*.pem", "**/.env"],
        Agents:
        [
            Agent(Orchestrator, ["ops", "docs"], Qa),
            Agent(Qa, ["test"], Steward),
            Agent(CliSdk, ["cli-sdk", "web"], Qa),
            Agent(Steward, ["api", "auth", "runtime", "infra"], Qa),
        ],
        Loop: ConfigDefaults.Loop with { MaxAgentMinutesPerDay = 600 },
        Validation: ConfigDefaults.Validation with { RequiredChecks = ["ci"] },
        Sizing: ConfigDefaults.Sizing with { Generated = ["**/*.lock", "**/package-lock.json", "**/generated/**"] },
        Protections: ConfigDefaults.Protections);

    public static LanePolicy SafeLane() => new(
        Lane.Safe, "safe auto-merge", ["docs", "test repairs", "small CLI and SDK parity fixes", "small frontend proxy or type alignment"],
        ReviewerApprovals: 1, RequireChecks: true, RequiredLabels: ["autonomy:safe"], RequiredAnyLabels: ["size:xs", "size:s"],
        DeploymentEnvironment: null, HumanApproval: false, Approvers: [], VerificationEvidence: false, AutoMerge: true,
        Guardrails: new GuardrailLimits(10, 200, 1024 * 1024));

    public static LanePolicy StagingLane() => new(
        Lane.Staging, "staging-first product work", ["backend route changes", "dashboard features", "observability improvements"],
        ReviewerApprovals: 1, RequireChecks: true, RequiredLabels: [], RequiredAnyLabels: [],
        DeploymentEnvironment: "staging", HumanApproval: false, Approvers: [], VerificationEvidence: false, AutoMerge: true,
        Guardrails: new GuardrailLimits(20, 400, 1024 * 1024));

    public static LanePolicy HumanLane() => new(
        Lane.Human, "human-gated risk", ["auth/session changes", "runtime protocol changes", "infrastructure changes", "database migrations"],
        ReviewerApprovals: 1, RequireChecks: true, RequiredLabels: [], RequiredAnyLabels: [],
        DeploymentEnvironment: null, HumanApproval: true, Approvers: [], VerificationEvidence: true, AutoMerge: true,
        Guardrails: new GuardrailLimits(20, 400, 1024 * 1024));

    public static AgentDefinition Agent(string name, IReadOnlyList<string> areas, string? reviewer, string? login = null) => new(
        name, name, areas, Authors: true, Reviews: true, reviewer,
        new RunnerSettings("builtin", null, [], []), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), [],
        login ?? name + "[bot]", SandboxKind.None, Network: false, MaxConcurrent: 1);

    /// <summary>The default configuration with one lane replaced.</summary>
    public static AutoshipConfig WithLane(this AutoshipConfig config, LanePolicy lane) =>
        config with { Lanes = new Dictionary<Lane, LanePolicy>(config.Lanes) { [lane.Lane] = lane } };
}
