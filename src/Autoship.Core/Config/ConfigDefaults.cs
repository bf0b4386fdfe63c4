namespace Autoship.Core.Config;

/// <summary>The documented defaults for keys a configuration leaves out (the seed's values).</summary>
public static class ConfigDefaults
{
    public const long MaxBinaryBytes = 1_048_576;

    public const long MaxFileBytes = 262_144;

    public const long MaxPassBytes = 2_097_152;

    public const int MaxLineLength = 1_000;

    public static readonly IReadOnlyList<string> Never =
        [".github/workflows/**", ".github/autoship.yml", ".git/**", "**/*.pem", "**/.env", "**/.env.*"];

    public static readonly IReadOnlyList<string> Generated =
        ["**/*.lock", "**/package-lock.json", "**/*.g.cs", "**/generated/**"];

    public static readonly LoopSettings Loop = new("*/15 * * * *", TimeSpan.FromHours(2), 3, 2, false, [], 240, 3);

    public static readonly ValidationSettings Validation = new("scripts/test.sh", []);

    public static readonly SizingSettings Sizing = new(10, 30, 100, 500, Generated);

    public static readonly ProtectionSettings Protections = new("main", true, 1, true, true, true, true, true);

    public static readonly RunnerSettings Runner = new("builtin", null, [], []);

    public static readonly TimeSpan AgentTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AgentInactivity = TimeSpan.FromMinutes(10);

    /// <summary>The seed's lane, used for every key a <c>lanes.&lt;lane&gt;</c> entry (or a whole lane) leaves out.</summary>
    public static LanePolicy Lane(Lane lane) => lane switch
    {
        Core.Lane.Safe => new LanePolicy(
            Core.Lane.Safe,
            "Lane A: safe auto-merge",
            ["docs", "test repairs", "small CLI and SDK parity fixes", "small frontend proxy or type alignment"],
            ReviewerApprovals: 1,
            RequireChecks: true,
            RequiredLabels: [Labels.Safe],
            RequiredAnyLabels: ["size:xs", "size:s"],
            DeploymentEnvironment: null,
            HumanApproval: false,
            Approvers: [],
            VerificationEvidence: false,
            AutoMerge: true,
            new Guardrails(10, 200, MaxBinaryBytes) { MaxPassBytes = 524_288 }),
        Core.Lane.Staging => new LanePolicy(
            Core.Lane.Staging,
            "Lane B: staging-first product work",
            ["backend route changes", "dashboard features", "observability improvements"],
            ReviewerApprovals: 1,
            RequireChecks: true,
            RequiredLabels: [],
            RequiredAnyLabels: [],
            DeploymentEnvironment: "staging",
            HumanApproval: false,
            Approvers: [],
            VerificationEvidence: false,
            AutoMerge: true,
            new Guardrails(20, 400, MaxBinaryBytes)),
        _ => new LanePolicy(
            Core.Lane.Human,
            "Lane C: human-gated risk",
            ["auth/session changes", "runtime protocol changes", "infrastructure changes", "database migrations"],
            ReviewerApprovals: 1,
            RequireChecks: true,
            RequiredLabels: [],
            RequiredAnyLabels: [],
            DeploymentEnvironment: null,
            HumanApproval: true,
            Approvers: [],
            VerificationEvidence: true,
            AutoMerge: false,
            new Guardrails(20, 400, MaxBinaryBytes)),
    };
}
