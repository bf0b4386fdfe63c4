namespace Autoship.Core.Planning;

/// <summary>The actions one pass will apply, in order, and the state of every observed item.</summary>
public sealed record Plan(IReadOnlyList<PlannedAction> Actions, IReadOnlyList<ItemView> Items, IReadOnlyList<Reason> Notices)
{
    public bool IsEmpty => Actions.Count == 0;

    /// <summary>Queue-health alerts (<see cref="QueueHealth.Codes"/>); also among <see cref="Notices"/>, so every report shows them.</summary>
    public IReadOnlyList<QueueAlert> Health { get; init; } = [];
}
