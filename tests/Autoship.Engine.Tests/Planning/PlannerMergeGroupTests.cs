using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Core.Queue;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

/// <summary>
/// GitHub's merge queue tests a merge_group commit; a queue that requires <c>autoship/gate</c> never stalls because the
/// planner reports the PR's gate decision on that commit too, once, and does not enqueue a queued PR again.
/// </summary>
public sealed class PlannerMergeGroupTests
{
    private const string Reviewer = "qa-reliability-engineer";
    private const string Group = "feedfacefeedfacefeedfacefeedfacefeedface";

    private static readonly IssueSnapshot Docs = Ready(1, claimed: true);

    private static PullRequestSnapshot Queued(string? group, params CheckSnapshot[] groupChecks) =>
        Pr(10, Order(Docs, "docs"), reviews: [AgentReview(10, Reviewer)], checks: [Ci(10), .. groupChecks]) with { ForgeQueue = new ForgeQueueEntry(3, "AWAITING_CHECKS", group) };

    [Fact]
    public void Plan_QueuedPrWithAMergeGroup_ReportsTheGateOnTheGroupCommitAndDoesNotEnqueueAgain()
    {
        var plan = Planner.Plan(Input([Docs], [Queued(Group)]));

        plan.Actions.ShouldNotContain(a => a is MergePullRequest);
        var onGroup = plan.Actions.OfType<PublishGate>().Where(a => a.HeadSha == Group).ShouldHaveSingleItem();
        onGroup.Decision.Verdict.ShouldBe(GateVerdict.Merge);
        var item = plan.Items.ShouldHaveSingleItem();
        item.Reasons[0].Code.ShouldBe("merge-queue");
        item.Reasons[0].Message.ShouldContain("in GitHub's merge queue at position 3");
    }

    [Fact]
    public void Plan_GroupCommitAlreadyReported_NothingIsPublishedAgain()
    {
        var first = Planner.Plan(Input([Docs], [Queued(Group)])).Actions.OfType<PublishGate>().Single(a => a.HeadSha == Group);
        var reported = new CheckSnapshot(Planner.GateContext, CheckState.Success, Group, first.Decision.Summary);

        var plan = Planner.Plan(Input([Docs], [Queued(Group, reported)]));

        plan.Actions.OfType<PublishGate>().ShouldNotContain(a => a.HeadSha == Group);
        plan.Actions.ShouldNotContain(a => a is MergePullRequest);
    }

    [Fact]
    public void Plan_QueuedPrNoLongerMergeable_FailsTheGroupCommitSoTheQueueDropsIt()
    {
        var pr = Queued(Group) with { Checks = [Ci(10, CheckState.Failure), new CheckSnapshot(Planner.GateContext, CheckState.Success, Group, "merge")] };

        var plan = Planner.Plan(Input([Docs], [pr]));

        plan.Actions.OfType<PublishGate>().Where(a => a.HeadSha == Group).ShouldHaveSingleItem().Decision.Verdict.ShouldBe(GateVerdict.Reject);
    }

    [Fact]
    public void Plan_QueuedBeforeItsGroupExists_WaitsAtItsPositionWithoutPublishingOnAnotherCommit()
    {
        var plan = Planner.Plan(Input([Docs], [Queued(null)]));

        plan.Actions.OfType<PublishGate>().ShouldAllBe(a => a.HeadSha == Head(10));
        plan.Actions.ShouldNotContain(a => a is MergePullRequest);
        plan.Items.ShouldHaveSingleItem().Reasons[0].Message.ShouldContain("waiting in GitHub's merge queue at position 3");
    }

    [Fact]
    public void Plan_NotQueued_MergesAsBefore()
    {
        var plan = Planner.Plan(Input([Docs], [Queued(null) with { ForgeQueue = null }]));

        plan.Actions.ShouldContain(a => a is MergePullRequest);
    }
}
