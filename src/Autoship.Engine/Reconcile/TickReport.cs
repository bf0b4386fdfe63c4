using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Engine.Reconcile;

/// <summary>What one applied action did.</summary>
public sealed record ActionResult(PlannedAction Action, ActionOutcome Outcome, string Message, IReadOnlyList<Reason> Reasons);

/// <summary>What one tick saw and did.</summary>
public sealed record TickReport(
    string TickId,
    TickOutcome Outcome,
    int Rounds,
    IReadOnlyList<ActionResult> Actions,
    IReadOnlyList<PlannedAction> Planned,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<Reason> Notices,
    int Requests,
    int? RateLimitRemaining,
    TimeSpan Duration)
{
    /// <summary>The <c>loop.schedule</c> of the configuration this tick used, so that loops need no extra read; null when it read none.</summary>
    public string? Schedule { get; init; }

    /// <summary>The queue-health alerts of the tick's last pass (also among <see cref="Notices"/>).</summary>
    public IReadOnlyList<QueueAlert> Health { get; init; } = [];

    /// <summary>The alerts this tick notified (webhook, issue comment) because they started.</summary>
    public IReadOnlyList<QueueAlert> Notified { get; init; } = [];
}
