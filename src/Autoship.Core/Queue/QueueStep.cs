namespace Autoship.Core.Queue;

/// <summary>What a merge queue does next, always with the reasons shown to people.</summary>
public abstract record QueueStep(IReadOnlyList<Reason> Reasons)
{
    public string Summary => string.Join("; ", Reasons.Select(r => r.Message));
}

/// <summary>Nothing to do now: the queue is empty, or its head is still waiting for company.</summary>
public sealed record QueueIdle(IReadOnlyList<Reason> Reasons) : QueueStep(Reasons);

/// <summary>Build the candidate (base + these pull requests, in order) and validate it with the base branch's entrypoint.</summary>
public sealed record QueueTest(IReadOnlyList<MergeQueueEntry> Batch, bool Bisecting, IReadOnlyList<Reason> Reasons) : QueueStep(Reasons);

/// <summary>The candidate of exactly these pull requests passed on the current base: move the base to it.</summary>
public sealed record QueueMerge(IReadOnlyList<MergeQueueEntry> Batch, BatchResult Result, IReadOnlyList<Reason> Reasons) : QueueStep(Reasons);

/// <summary>This pull request alone breaks the current base: it leaves the queue with the failing log as its reason.</summary>
public sealed record QueueEject(MergeQueueEntry Entry, BatchResult Result, IReadOnlyList<Reason> Reasons) : QueueStep(Reasons);
