namespace Autoship.Core.Queue;

/// <summary>A pull request that the gate allowed to merge, waiting in its base branch's merge queue.</summary>
public sealed record MergeQueueEntry(int PullRequest, string HeadSha, Lane Lane, DateTimeOffset EnqueuedAt);
