namespace Autoship.Core.Config;

/// <summary>The whole <c>.github/autoship.yml</c>, loaded and validated. Immutable.</summary>
public sealed record AutoshipConfig(
    int Version,
    IReadOnlyList<LabelDefinition> Labels,
    IReadOnlyDictionary<Lane, LanePolicy> Lanes,
    IReadOnlyList<AreaDefinition> Areas,
    IReadOnlyList<LabelRule> LabelRules,
    IReadOnlyList<PathRule> PathRules,
    IReadOnlyList<ContentRule> ContentRules,
    IReadOnlyList<string> Never,
    IReadOnlyList<AgentDefinition> Agents,
    LoopSettings Loop,
    ValidationSettings Validation,
    SizingSettings Sizing,
    ProtectionSettings Protections)
{
    /// <summary>The default path of the configuration inside a repository.</summary>
    public const string DefaultPath = ".github/autoship.yml";

    /// <summary>Where work orders run (<c>executor</c>); omitted: the local executor.</summary>
    public ExecutorSettings Executor { get; init; } = ExecutorSettings.Default;

    /// <summary>Dispatch order, fairness caps and queue-health limits (<c>queue:</c>).</summary>
    public QueueSettings Queue { get; init; } = ConfigDefaults.Queue;

    public LanePolicy Lane(Lane lane) => Lanes[lane];

    // Plain loops: the planner looks agents and areas up for every item of every tick.
    public AgentDefinition? Agent(string name)
    {
        for (var i = 0; i < Agents.Count; i++)
        {
            if (string.Equals(Agents[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Agents[i];
            }
        }

        return null;
    }

    public AreaDefinition? Area(string name)
    {
        for (var i = 0; i < Areas.Count; i++)
        {
            if (string.Equals(Areas[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Areas[i];
            }
        }

        return null;
    }
}

/// <summary>A label Autoship knows: name, color (6 hex digits, no #) and description.</summary>
public sealed record LabelDefinition(string Name, string Color, string Description);

/// <summary>An area (the part after <c>area:</c>), the paths it covers and the lane its changes start in.</summary>
public sealed record AreaDefinition(string Name, IReadOnlyList<string> Paths, Lane Lane);

/// <summary>A label on the issue or PR that puts the change at least in <see cref="Lane"/> (labels raise, never lower).</summary>
public sealed record LabelRule(string Label, Lane Lane, string Reason);

/// <summary>Changed paths matching any glob put the change at least in <see cref="Lane"/>.</summary>
public sealed record PathRule(string Id, IReadOnlyList<string> Paths, Lane Lane, string Reason);

public enum ContentAction
{
    /// <summary>Matching content raises the lane (never lowers it).</summary>
    Raise,

    /// <summary>Matching content may not be automated at all: the guardrail refuses the change.</summary>
    Forbid,
}

/// <summary>A regular expression over added lines (optionally only in some paths).</summary>
public sealed record ContentRule(string Id, string Pattern, ContentAction Action, Lane Lane, string Reason, IReadOnlyList<string> Paths);

/// <summary>Per-lane limits on one autonomous pass.</summary>
public sealed record Guardrails(int MaxFiles, int MaxLines, long MaxBinaryBytes)
{
    /// <summary>Most bytes of added text in one file (a long single line counts by its bytes, not as one line).</summary>
    public long MaxFileBytes { get; init; } = ConfigDefaults.MaxFileBytes;

    /// <summary>Most bytes of added text and binaries in one pass.</summary>
    public long MaxPassBytes { get; init; } = ConfigDefaults.MaxPassBytes;

    /// <summary>The longest added text line, in characters.</summary>
    public int MaxLineLength { get; init; } = ConfigDefaults.MaxLineLength;
}

/// <summary>What a pull request in a lane needs before it may merge.</summary>
public sealed record LanePolicy(
    Lane Lane,
    string Description,
    IReadOnlyList<string> Examples,
    int ReviewerApprovals,
    bool RequireChecks,
    IReadOnlyList<string> RequiredLabels,
    IReadOnlyList<string> RequiredAnyLabels,
    string? DeploymentEnvironment,
    bool HumanApproval,
    IReadOnlyList<string> Approvers,
    bool VerificationEvidence,
    bool AutoMerge,
    Guardrails Guardrails)
{
    /// <summary>Most pull requests of this lane validated together in the merge queue.</summary>
    public int QueueBatchSize { get; init; } = 1;

    /// <summary>How long the first pull request of a batch waits for others.</summary>
    public TimeSpan QueueWait { get; init; }

    /// <summary>The lane's merge-queue settings.</summary>
    public Autoship.Core.Queue.MergeQueueSettings MergeQueue => new(QueueBatchSize, QueueWait);
}

public enum SandboxKind
{
    None,
    Bwrap,
}

/// <summary>How to start an agent: a preset (<c>builtin</c>, <c>claude</c>, <c>codex</c>, <c>aider</c>, <c>opencode</c>, <c>command</c>).</summary>
public sealed record RunnerSettings(string Preset, string? Model, IReadOnlyList<string> Args, IReadOnlyList<string> Command);

/// <summary>One agent: the areas it owns as author, whether it reviews, and how it runs.</summary>
public sealed record AgentDefinition(
    string Name,
    string Description,
    IReadOnlyList<string> Areas,
    bool Authors,
    bool Reviews,
    string? Reviewer,
    RunnerSettings Runner,
    TimeSpan Timeout,
    TimeSpan Inactivity,
    IReadOnlyList<string> Env,
    string? Login,
    SandboxKind Sandbox,
    bool Network,
    int MaxConcurrent)
{
    /// <summary>Globs outside its areas this agent may change as author (tests next to its code); every other such path is refused.</summary>
    public IReadOnlyList<string> AlsoPaths { get; init; } = [];

    /// <summary>
    /// <c>network: allow-list</c>: the hosts (host or host:port) the agent may reach besides its model endpoint, through the
    /// harness's egress proxy; null: no allow-list (<see cref="Network"/> says all or nothing).
    /// </summary>
    public IReadOnlyList<string>? Egress { get; init; }

    /// <summary>Tokens per UTC day (from the runs' recorded usage, enforced by the harness); 0: no limit.</summary>
    public long MaxTokensPerDay { get; init; }

    /// <summary>US dollars per UTC day (from the runs' reported cost); 0: no limit.</summary>
    public decimal MaxCostPerDay { get; init; }
}

/// <summary>The control loop's schedule and limits.</summary>
public sealed record LoopSettings(
    string Schedule,
    TimeSpan ClaimTimeout,
    int MaxAttempts,
    int MaxConcurrent,
    bool KillSwitch,
    IReadOnlyList<Lane> PausedLanes,
    int MaxAgentMinutesPerDay,
    int CircuitBreakerFailures,
    bool DashboardIssue)
{
    /// <summary>How often a claim's holder renews it on the forge while its agent works (<see cref="ClaimHeartbeatRule"/>).</summary>
    public TimeSpan ClaimHeartbeat { get; init; } = TimeSpan.FromMinutes(1);
}

/// <summary>The validation truth contract: the one entrypoint and the checks that must be green.</summary>
public sealed record ValidationSettings(string Entrypoint, IReadOnlyList<string> RequiredChecks);

/// <summary>Size thresholds (a change is in the first class whose limit it is under) and generated-file globs.</summary>
public sealed record SizingSettings(int Xs, int S, int M, int L, IReadOnlyList<string> Generated);

/// <summary>The seed's recommended protections for the default branch.</summary>
public sealed record ProtectionSettings(
    string Branch,
    bool RequirePullRequest,
    int RequiredApprovals,
    bool DismissStaleReviews,
    bool RequireChecks,
    bool BlockForcePushes,
    bool BlockDeletions,
    bool AllowAutoMerge);
