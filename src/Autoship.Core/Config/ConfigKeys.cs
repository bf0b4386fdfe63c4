namespace Autoship.Core.Config;

/// <summary>
/// Every key the loader accepts, per section. The loader rejects anything else, and a test keeps
/// <see cref="ConfigSchema"/> in step with these lists (each section is a <c>$defs</c> entry there).
/// </summary>
internal static class ConfigKeys
{
    public const string RootSection = "root";

    public static readonly IReadOnlyList<string> Root =
        ["version", "labels", "areas", "lanes", "rules", "never", "agents", "loop", "validation", "sizing", "protections"];

    public static readonly IReadOnlyList<string> Label = ["name", "color", "description"];

    public static readonly IReadOnlyList<string> Area = ["lane", "paths"];

    public static readonly IReadOnlyList<string> Lanes = ["safe", "staging", "human"];

    public static readonly IReadOnlyList<string> Lane =
    [
        "description", "examples", "reviewerApprovals", "requireChecks", "requireLabels", "requireAnyLabel",
        "deployment", "humanApproval", "approvers", "verificationEvidence", "autoMerge", "guardrails",
    ];

    public static readonly IReadOnlyList<string> Guardrails = ["maxFiles", "maxLines", "maxBinaryBytes", "maxFileBytes", "maxPassBytes", "maxLineLength"];

    public static readonly IReadOnlyList<string> Rules = ["labels", "paths", "content"];

    public static readonly IReadOnlyList<string> LabelRule = ["label", "lane", "reason"];

    public static readonly IReadOnlyList<string> PathRule = ["id", "paths", "lane", "reason"];

    public static readonly IReadOnlyList<string> ContentRule = ["id", "pattern", "action", "lane", "reason", "paths"];

    public static readonly IReadOnlyList<string> Agent =
    [
        "name", "description", "areas", "author", "review", "reviewer", "runner", "timeout", "inactivity",
        "env", "login", "sandbox", "network", "maxConcurrent",
    ];

    public static readonly IReadOnlyList<string> Runner = ["preset", "model", "args", "command"];

    public static readonly IReadOnlyList<string> Loop =
    [
        "schedule", "claimTimeout", "maxAttempts", "maxConcurrent", "killSwitch", "pausedLanes",
        "maxAgentMinutesPerDay", "circuitBreakerFailures",
    ];

    public static readonly IReadOnlyList<string> Validation = ["entrypoint", "requiredChecks"];

    public static readonly IReadOnlyList<string> Sizing = ["xs", "s", "m", "l", "generated"];

    public static readonly IReadOnlyList<string> Protections =
    [
        "branch", "requirePullRequest", "requiredApprovals", "dismissStaleReviews", "requireChecks",
        "blockForcePushes", "blockDeletions", "allowAutoMerge",
    ];

    public static readonly IReadOnlyList<string> Presets = ["builtin", "claude", "codex", "aider", "opencode", "command"];

    public static readonly IReadOnlyList<string> Sandboxes = ["none", "bwrap"];

    public static readonly IReadOnlyList<string> Actions = ["raise", "forbid"];

    /// <summary>Section name (as in the schema's <c>$defs</c>, or <see cref="RootSection"/>) to its keys.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Sections = new Dictionary<string, IReadOnlyList<string>>
    {
        [RootSection] = Root,
        ["label"] = Label,
        ["area"] = Area,
        ["lanes"] = Lanes,
        ["lane"] = Lane,
        ["guardrails"] = Guardrails,
        ["rules"] = Rules,
        ["labelRule"] = LabelRule,
        ["pathRule"] = PathRule,
        ["contentRule"] = ContentRule,
        ["agent"] = Agent,
        ["runner"] = Runner,
        ["loop"] = Loop,
        ["validation"] = Validation,
        ["sizing"] = Sizing,
        ["protections"] = Protections,
    };
}
