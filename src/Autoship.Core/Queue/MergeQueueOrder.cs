namespace Autoship.Core.Queue;

/// <summary>
/// The one order of a merge queue: lane order (safe before staging before human), then the time each entered the
/// queue, then the pull request number. Keep every ordering rule here so that a priority rule can plug in later.
/// </summary>
public static class MergeQueueOrder
{
    public static IReadOnlyList<MergeQueueEntry> Order(IEnumerable<MergeQueueEntry> entries) =>
        [.. entries.OrderBy(e => (int)e.Lane).ThenBy(e => e.EnqueuedAt).ThenBy(e => e.PullRequest)];

    /// <summary>1-based position of a pull request in the ordered queue, or 0 when it is not queued.</summary>
    public static int PositionOf(IEnumerable<MergeQueueEntry> entries, int pullRequest)
    {
        var ordered = Order(entries);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].PullRequest == pullRequest)
            {
                return i + 1;
            }
        }

        return 0;
    }
}
