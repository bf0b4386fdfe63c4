namespace Autoship.Core.Queue;

/// <summary>
/// A pull request's entry in the forge's own merge queue (GitHub's): its position, the forge's state word, and the
/// <c>merge_group</c> commit the queue tests (the base with this PR and the ones ahead of it), null until it exists.
/// </summary>
public sealed record ForgeQueueEntry(int Position, string State, string? GroupSha);
