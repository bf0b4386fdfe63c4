using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Store;

namespace Autoship.Server.Status;

/// <summary>Everything the overview shows, as <c>/api/status</c> returns it.</summary>
public sealed record StatusView(
    string Forge,
    DateTimeOffset ObservedAt,
    string ObservedFrom,
    ControlsView Controls,
    LoopView Loop,
    IReadOnlyList<Reason> Notices,
    IReadOnlyList<ItemView> Queue,
    IReadOnlyList<ClaimView> Claims,
    IReadOnlyList<LaneView> Lanes,
    IReadOnlyList<ItemView> NeedsAttention,
    IReadOnlyList<AgentView> Agents,
    IReadOnlyList<TickRecord> Ticks,
    IReadOnlyList<StoredEvent> RecentOutcomes)
{
    /// <summary>The anti-forgery token a script sends as <c>X-CSRF-Token</c> with a write action (not needed with the bearer token).</summary>
    public string? CsrfToken { get; init; }

    /// <summary>What runs now in this server (a tick's steps, agents in the worker pool), the longest-running first.</summary>
    public IReadOnlyList<RunningView> Running { get; init; } = [];
}

/// <summary>One step that runs now: <paramref name="Elapsed"/> since it started, and the last line it printed.</summary>
public sealed record RunningView(string What, DateTimeOffset StartedAt, TimeSpan Elapsed, string? LastLine);

public sealed record ControlsView(bool KillSwitch, IReadOnlyList<string> PausedLanes, string Description);

public sealed record LoopView(bool Running, bool TickRunning, DateTimeOffset? NextTickAt, string? LastError, int Ticks);

public sealed record ClaimView(ItemView Item, DateTimeOffset? ClaimedAt, TimeSpan? Age);

public sealed record LaneView(string Name, string Letter, bool Paused, string Requires, IReadOnlyList<ItemView> PullRequests);

public sealed record AgentView(string Name, IReadOnlyList<int> Working, int Runs, int Succeeded, double? SuccessRate, string? LastOutcome);
