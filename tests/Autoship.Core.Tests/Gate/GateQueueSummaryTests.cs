using Autoship.Core.Queue;
using static Autoship.Core.Tests.Gate.Prs;

namespace Autoship.Core.Tests.Gate;

/// <summary>The <c>autoship/gate</c> status of a head the merge queue holds says where it stands in the queue.</summary>
public sealed class GateQueueSummaryTests
{
    [Theory]
    [InlineData("waiting in the queue at position 3")]
    [InlineData("batch #12 failed; bisecting: testing #4, #5 merged onto 1a2b3c4")]
    public void Decide_GreenHeadInTheMergeQueue_SummaryIsTheQueuesWord(string queue)
    {
        var green = Green(Lane.Safe);
        var pr = green with { Checks = [.. green.Checks, new CheckSnapshot(MergeQueueStatus.Context, CheckState.Pending, Head, queue)] };

        var decision = Decide(pr, Lane.Safe);

        decision.Verdict.ShouldBe(GateVerdict.Merge);
        decision.Reasons[0].Code.ShouldBe("ready-to-merge", "the reasons still start with what was met");
        decision.Reasons.ShouldContain(r => r.Code == GateDecision.QueuedCode && r.Message == queue);
        decision.Summary.ShouldBe("merge (lane A safe): " + queue);
        GateDecision.QueuedSummary(Lane.Safe, queue).ShouldBe(decision.Summary, "the local queue writes the same words the planner publishes");
    }

    [Fact]
    public void Decide_GreenHeadNotQueued_SummaryIsTheFirstReason()
    {
        var decision = Decide(Green(Lane.Safe), Lane.Safe);

        decision.Summary.ShouldBe("merge (lane A safe): " + decision.Reasons[0].Message);
        decision.Summary.ShouldNotContain("queue");
    }

    [Fact]
    public void Summary_QueuedReasonOnANonMergeVerdict_LeadsWithTheMostSevereReason()
    {
        var decision = new GateDecision(GateVerdict.Wait, Lane.Safe, [new("lane-paused", "lane A (safe) is paused"), new(GateDecision.QueuedCode, "waiting in the queue at position 1")], []);

        decision.Summary.ShouldBe("wait (lane A safe): lane A (safe) is paused");
    }
}
