using Autoship.Core.Queue;

namespace Autoship.Core.Tests.Queue;

public sealed class MergeQueuePolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static MergeQueueEntry Entry(int n, Lane lane = Lane.Safe, int minutes = 0) => new(n, "h" + n, lane, T0.AddMinutes(minutes + n / 100.0));

    private static Func<Lane, MergeQueueSettings> Batches(int size, TimeSpan wait = default) => _ => new MergeQueueSettings(size, wait);

    [Fact]
    public void Order_LaneThenAgeThenNumber()
    {
        var ordered = MergeQueueOrder.Order([Entry(5, Lane.Human, 0), Entry(4, Lane.Staging, 1), Entry(3, Lane.Safe, 9), Entry(2, Lane.Safe, 2), new MergeQueueEntry(1, "h1", Lane.Safe, T0.AddMinutes(2))]);

        ordered.Select(e => e.PullRequest).ShouldBe([1, 2, 3, 4, 5]);
        MergeQueueOrder.PositionOf(ordered, 4).ShouldBe(4);
        MergeQueueOrder.PositionOf(ordered, 9).ShouldBe(0);
    }

    [Fact]
    public void Next_Empty_IsIdle()
    {
        MergeQueuePolicy.Next([], "b", [], Batches(4), T0).ShouldBeOfType<QueueIdle>().Reasons.ShouldHaveSingleItem().Code.ShouldBe("queue-empty");
    }

    [Fact]
    public void Next_BatchNotFullBeforeWait_Waits_ThenTestsWhenDue()
    {
        var queue = new[] { Entry(1), Entry(2) };

        MergeQueuePolicy.Next(queue, "b", [], Batches(4, TimeSpan.FromMinutes(5)), T0.AddMinutes(1)).ShouldBeOfType<QueueIdle>().Reasons[0].Code.ShouldBe("queue-waiting");
        MergeQueuePolicy.Next(queue, "b", [], Batches(4, TimeSpan.FromMinutes(5)), T0.AddMinutes(6)).ShouldBeOfType<QueueTest>().Batch.Select(e => e.PullRequest).ShouldBe([1, 2]);
        MergeQueuePolicy.Next(queue, "b", [], Batches(2, TimeSpan.FromMinutes(5)), T0).ShouldBeOfType<QueueTest>();
    }

    [Fact]
    public void Next_BatchesOnlyTheHeadLane_UpToItsSize()
    {
        var test = MergeQueuePolicy.Next([Entry(1), Entry(2), Entry(3, Lane.Staging), Entry(4)], "b", [], Batches(2), T0).ShouldBeOfType<QueueTest>();

        test.Batch.Select(e => e.PullRequest).ShouldBe([1, 2]);
        test.Bisecting.ShouldBeFalse();
    }

    [Fact]
    public void Next_FailedBatch_BisectsWithVisibleReason()
    {
        var failed = new BatchResult(12, "b", [1, 2, 3, 4], false, "boom");

        var test = MergeQueuePolicy.Next([Entry(1), Entry(2), Entry(3), Entry(4)], "b", [failed], Batches(4), T0).ShouldBeOfType<QueueTest>();

        test.Bisecting.ShouldBeTrue();
        test.Batch.Select(e => e.PullRequest).ShouldBe([1, 2]);
        test.Summary.ShouldStartWith("batch #12 failed; bisecting");
        MergeQueuePolicy.StatusOf([Entry(1), Entry(2), Entry(3), Entry(4)], 3, test).ShouldBe("waiting in the queue at position 3");
    }

    [Fact]
    public void Next_SingleFailure_EjectsWithLogTail_AndResultsOfAnotherBaseDoNotCount()
    {
        var results = new[] { new BatchResult(1, "b", [1, 2], false, "x"), new BatchResult(2, "b", [1], false, "assert failed: total") };

        var eject = MergeQueuePolicy.Next([Entry(1), Entry(2)], "b", results, Batches(2), T0).ShouldBeOfType<QueueEject>();
        eject.Entry.PullRequest.ShouldBe(1);
        eject.Reasons.ShouldHaveSingleItem().Message.ShouldContain("assert failed: total");

        MergeQueuePolicy.Next([Entry(1), Entry(2)], "other", results, Batches(2), T0).ShouldBeOfType<QueueTest>().Bisecting.ShouldBeFalse();
    }

    [Fact]
    public void Next_PassedBatch_Merges()
    {
        var passed = new BatchResult(3, "b", [1], true, string.Empty);

        MergeQueuePolicy.Next([Entry(1), Entry(2)], "b", [new BatchResult(2, "b", [1, 2], false, "x"), passed], Batches(2), T0)
            .ShouldBeOfType<QueueMerge>().Batch.ShouldHaveSingleItem().PullRequest.ShouldBe(1);
    }

    /// <summary>
    /// Generated queues of 1–7 changes where some pairs and triples pass alone but break together: the policy, driven to
    /// the end against a validator that knows which combinations break, never moves the base to a breaking set, merges
    /// every change that does not break with what merged before it, and ejects only changes that do.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Drive_GeneratedConflicts_BaseNeverBreaks_InnocentsMerge(int seed)
    {
        var random = new System.Random(seed);
        var count = random.Next(1, 8);
        var size = random.Next(1, 6);
        var breaking = Conflicts.Generate(random, count);
        var queue = Enumerable.Range(1, count).Select(n => Entry(n)).ToList();
        var merged = new List<int>();
        var ejected = new List<int>();
        var results = new List<BatchResult>();
        var baseSha = "base0";
        for (var step = 0; queue.Count > 0; step++)
        {
            step.ShouldBeLessThan(200, "the queue must settle");
            switch (MergeQueuePolicy.Next(queue, baseSha, results, Batches(size), T0.AddHours(1)))
            {
                case QueueTest t:
                    var members = t.Batch.Select(e => e.PullRequest).ToList();
                    results.Add(new BatchResult(results.Count + 1, baseSha, members, !Conflicts.Breaks(breaking, [.. merged, .. members]), "tail"));
                    break;
                case QueueMerge m:
                    merged.AddRange(m.Batch.Select(e => e.PullRequest));
                    queue.RemoveAll(e => m.Batch.Contains(e));
                    baseSha = "base" + merged.Count;
                    break;
                case QueueEject e:
                    ejected.Add(e.Entry.PullRequest);
                    queue.Remove(e.Entry);
                    break;
                default:
                    throw new ShouldAssertException("a queue with entries and no wait must always have a next step");
            }

            Conflicts.Breaks(breaking, merged).ShouldBeFalse($"seed {seed}: the base broke with {string.Join(",", merged)}");
        }

        // The serial oracle: in queue order, a change merges iff it does not break together with what merged before it.
        var expected = new List<int>();
        foreach (var n in Enumerable.Range(1, count).Where(n => !Conflicts.Breaks(breaking, [.. expected, n])))
        {
            expected.Add(n);
        }

        merged.ShouldBe(expected, $"seed {seed}");
        ejected.ShouldBe(Enumerable.Range(1, count).Except(expected).ToList(), ignoreOrder: true);
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 300))
        {
            data.Add(seed);
        }

        return data;
    }
}
