using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>
/// Everything one planning pass reads. <see cref="Config"/> is null when the configuration on the default branch
/// is invalid: then no new work is dispatched and running work is still reconciled with <see cref="LastGoodConfig"/>.
/// </summary>
public sealed record PlanInput(
    RepositorySnapshot Snapshot,
    AutoshipConfig? Config,
    IReadOnlyList<ConfigError> ConfigErrors,
    IReadOnlyDictionary<int, ItemMemory> Memories,
    RuntimeControls Controls,
    DateTimeOffset Now)
{
    /// <summary>The configuration used to reconcile running work when <see cref="Config"/> is invalid.</summary>
    public AutoshipConfig? LastGoodConfig { get; init; }

    /// <summary>Agents whose circuit breaker or spend guard says they may not start now, with the reason.</summary>
    public IReadOnlyDictionary<string, Reason> UnavailableAgents { get; init; } = new Dictionary<string, Reason>();

    /// <summary>Work orders already running (issue numbers) — never dispatched twice.</summary>
    public IReadOnlySet<int> Running { get; init; } = new HashSet<int>();

    /// <summary>Recent author runs (a few days), for the queue-health alerts: the last handoff and failing agents.</summary>
    public IReadOnlyList<RunSummary> RecentRuns { get; init; } = [];
}
