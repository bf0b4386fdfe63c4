namespace Autoship.Core.Queue;

/// <summary>
/// The merge queue's policy (bors-style), a pure function of the queue, the base branch's current commit and the
/// validations recorded so far. The gate decides whether a pull request may merge; this decides when. A batch is
/// always a prefix of the ordered queue, at most the head lane's batch size, of the head's lane only. A failed
/// batch is bisected by testing its first half: a passing half merges (the base moves, the rest is tested again on
/// it), a failing single pull request leaves the queue. Only a commit that passed ever becomes the base, so a set of
/// changes that each pass alone but break together can never turn the base red.
/// </summary>
public static class MergeQueuePolicy
{
    public static QueueStep Next(IReadOnlyList<MergeQueueEntry> entries, string baseSha, IReadOnlyList<BatchResult> results, Func<Lane, MergeQueueSettings> settings, DateTimeOffset now)
    {
        var ordered = MergeQueueOrder.Order(entries);
        if (ordered.Count == 0)
        {
            return new QueueIdle(Because.One("queue-empty", "the merge queue is empty"));
        }

        var head = ordered[0];
        var lane = settings(head.Lane);
        var full = ordered.TakeWhile(e => e.Lane == head.Lane).Take(Math.Max(1, lane.BatchSize)).ToList();
        var onBase = results.Where(r => string.Equals(r.BaseSha, baseSha, StringComparison.OrdinalIgnoreCase)).ToList();
        var started = onBase.Any(r => r.Members.Count > 0 && r.Members[0] == head.PullRequest);
        var due = head.EnqueuedAt + lane.Wait;
        if (!started && full.Count < lane.BatchSize && now < due)
        {
            return new QueueIdle(Because.One("queue-waiting", $"batch of {full.Count} waits for up to {Plural.Of(lane.BatchSize, "pull request")} until {due:u}"));
        }

        BatchResult? failed = null;
        for (var size = full.Count; ; size = (size + 1) / 2)
        {
            var batch = full.Take(size).ToList();
            var result = onBase.Where(r => r.Covers(baseSha, batch)).MaxBy(r => r.Id);
            if (result is null)
            {
                return failed is null
                    ? new QueueTest(batch, false, Because.One("queue-testing", $"testing {Describe(batch)} merged onto {Short(baseSha)}"))
                    : new QueueTest(batch, true, Because.One("queue-bisecting", $"batch #{failed.Id} failed; bisecting: testing {Describe(batch)} merged onto {Short(baseSha)}"));
            }

            if (result.Passed)
            {
                return new QueueMerge(batch, result, Because.One("queue-passed", $"batch #{result.Id} ({Describe(batch)}) passed on {Short(baseSha)}: the base moves to exactly that commit"));
            }

            if (size == 1)
            {
                var why = $"#{batch[0].PullRequest} fails the base branch's validation when merged onto {Short(baseSha)} (batch #{result.Id})";
                return new QueueEject(batch[0], result, [new Reason("queue-failed", why + (result.LogTail.Length > 0 ? ": " + result.LogTail : string.Empty))]);
            }

            failed = result;
        }
    }

    /// <summary>What one pull request's queue status says: its position, or what is being done with its batch.</summary>
    public static string StatusOf(IReadOnlyList<MergeQueueEntry> entries, int pullRequest, QueueStep step)
    {
        var position = MergeQueueOrder.PositionOf(entries, pullRequest);
        var inBatch = step switch
        {
            QueueTest t => t.Batch.Any(e => e.PullRequest == pullRequest),
            QueueMerge m => m.Batch.Any(e => e.PullRequest == pullRequest),
            QueueEject e => e.Entry.PullRequest == pullRequest,
            _ => false,
        };
        return position == 0 ? "not in the merge queue" : inBatch ? step.Summary : $"waiting in the queue at position {position}";
    }

    private static string Describe(IReadOnlyList<MergeQueueEntry> batch) => string.Join(", ", batch.Select(e => "#" + e.PullRequest));

    private static string Short(string sha) => sha[..Math.Min(7, sha.Length)];
}
