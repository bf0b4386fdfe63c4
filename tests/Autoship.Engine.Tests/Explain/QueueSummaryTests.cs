using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Explain;

namespace Autoship.Engine.Tests.Explain;

/// <summary>explain's one-line summary (also the dashboard item page's headline) says where a queued PR stands in the merge queue.</summary>
public sealed class QueueSummaryTests
{
    private static ItemView View(GateVerdict verdict, params Reason[] reasons) =>
        new(7, "Docs: fix", ItemPhase.PullRequest, Lane.Safe, "docs-agent", "reviewer", 12, verdict, 1, reasons, []);

    [Theory]
    [InlineData("waiting in the queue at position 3")]
    [InlineData("batch #12 failed; bisecting: testing #4, #5 merged onto 1a2b3c4")]
    public void Summarize_MergeVerdictInTheQueue_SaysTheQueuesWord(string queue)
    {
        var view = View(GateVerdict.Merge, new Reason("ready-to-merge", "every requirement of lane A (safe) is met at head abc1234"), new Reason(GateDecision.QueuedCode, queue));

        ItemExplainer.Summarize(view, open: true).ShouldBe($"In progress: its PR #12 in lane A (safe) may merge and is in the merge queue: {queue}.");
    }

    [Fact]
    public void Summarize_MergeVerdictNotQueued_SaysTheVerdict()
    {
        var view = View(GateVerdict.Merge, new Reason("ready-to-merge", "every requirement of lane A (safe) is met at head abc1234"));

        ItemExplainer.Summarize(view, open: true).ShouldBe("In progress: its PR #12 in lane A (safe) is open; the gate says merge.");
    }
}
