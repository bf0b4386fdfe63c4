namespace Autoship.Core.Queue;

/// <summary>
/// A recorded validation of one candidate: the pull requests in queue order, squashed one after another onto
/// <see cref="BaseSha"/>, and whether the base branch's entrypoint passed on the result.
/// </summary>
public sealed record BatchResult(int Id, string BaseSha, IReadOnlyList<int> Members, bool Passed, string LogTail)
{
    public bool Covers(string baseSha, IReadOnlyList<MergeQueueEntry> batch) =>
        string.Equals(BaseSha, baseSha, StringComparison.OrdinalIgnoreCase) && Members.SequenceEqual(batch.Select(e => e.PullRequest));
}
