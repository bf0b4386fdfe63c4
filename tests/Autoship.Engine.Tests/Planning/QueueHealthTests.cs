using Autoship.Core;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;
using static Autoship.Engine.Tests.Planning.Queued;

namespace Autoship.Engine.Tests.Planning;

public sealed class QueueHealthTests
{
    private static PlanInput Busy(double waitedHours, params RunSummary[] runs)
    {
        // One slot, held by a running claim, and a ready item waiting behind it.
        var claimed = Ready(1, "test", claimed: true);
        return Input([claimed, Item(2, "docs", waitedHours: waitedHours)], memories: new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Claimed, "qa-reliability-engineer") },
            config: Slots(1)) with { Running = new HashSet<int> { 1 }, RecentRuns = runs };
    }

    private static RunSummary Run(string agent, double hoursAgo, RunOutcome outcome) => new(agent, 9, Now.AddHours(-hoursAgo - 0.1), Now.AddHours(-hoursAgo), outcome);

    [Theory]
    [InlineData(5, null, true)]     // waiting 5 h, no PR ever: stalled (default 4 h)
    [InlineData(3, null, false)]    // waiting 3 h: not yet
    [InlineData(5, 1.0, false)]     // a PR was opened an hour ago: the handoff works
    [InlineData(9, 4.5, true)]      // the last PR is 4.5 h old: stalled
    public void Evaluate_ReadyWorkWithoutNewPullRequests_RaisesStalledHandoff(double waited, double? lastPrHoursAgo, bool stalled)
    {
        var runs = lastPrHoursAgo is { } h ? new[] { Run("qa-reliability-engineer", h, RunOutcome.Succeeded) } : [];

        var plan = Planner.Plan(Busy(waited, runs));

        plan.Health.Any(a => a.Code == QueueHealth.StalledHandoff).ShouldBe(stalled);
        plan.Notices.Any(n => n.Code == QueueHealth.StalledHandoff).ShouldBe(stalled);
        if (stalled)
        {
            plan.Health.Single().Message.ShouldContain("1 ready item waits (oldest #2");
        }
    }

    [Fact]
    public void Evaluate_SomethingWasDispatched_NoStalledHandoff()
    {
        var plan = Planner.Plan(Input([Item(1, "docs", waitedHours: 9), Item(2, "docs", waitedHours: 9)], config: Slots(2)));

        Started(plan).ShouldBe([1]);
        plan.Health.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(4, 5, true)]
    [InlineData(3, 5, true)]
    [InlineData(2, 5, false)]
    [InlineData(4, 4, false)]   // not a full window of 5 attempts yet
    public void Evaluate_AgentWhoseRecentAttemptsMostlyFail_IsReported(int failed, int total, bool reported)
    {
        var runs = Enumerable.Range(0, total).Select(i => Run("cli-sdk-contract-keeper", i, i < failed ? RunOutcome.Failed : RunOutcome.Succeeded)).ToArray();

        var plan = Planner.Plan(Busy(1, runs));

        var alert = plan.Health.SingleOrDefault(a => a.Code == QueueHealth.AgentFailing);
        (alert is not null).ShouldBe(reported);
        if (reported)
        {
            alert!.Subject.ShouldBe("cli-sdk-contract-keeper");
            alert.Message.ShouldStartWith($"cli-sdk-contract-keeper failed {failed} of its last 5 attempts");
        }
    }

    [Fact]
    public void Evaluate_CancelledRunsDoNotCountAsFailures()
    {
        var runs = Enumerable.Range(0, 5).Select(i => Run("cli-sdk-contract-keeper", i, RunOutcome.Cancelled)).ToArray();

        Planner.Plan(Busy(1, runs)).Health.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ClaimOlderThanItsDeadlineWithoutPr_IsReported()
    {
        var claimed = Ready(1, "test", claimed: true, claimedAt: Now.AddHours(-3));
        var input = Input([claimed], memories: new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Claimed, "qa-reliability-engineer", claimedAt: Now.AddHours(-3)) }, config: Slots(1))
            with { Running = new HashSet<int> { 1 } };

        var alert = Planner.Plan(input).Health.ShouldHaveSingleItem();

        alert.Code.ShouldBe(QueueHealth.ClaimOverdue);
        alert.Key.ShouldBe("claim-overdue:#1");
        alert.Message.ShouldContain("3 h old with no PR, past its 2h deadline");
    }

    [Fact]
    public void Evaluate_FreshClaim_NoAlert()
    {
        var plan = Planner.Plan(Busy(1));

        plan.Health.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(2, false)]
    public void Evaluate_PullRequestHeldForAHumanTooLong_IsReported(double idleHours, bool reported)
    {
        var issue = Ready(7, "auth", "high", safe: false);
        var order = Order(issue, "auth", "high");
        var pr = Pr(20, order, files: [new ChangedFile("src/auth/session.ts", 3, 1)], reviews: [AgentReview(20, "qa-reliability-engineer")], checks: [Ci(20)])
            with { UpdatedAt = Now.AddHours(-idleHours) };
        var memories = new Dictionary<int, ItemMemory> { [7] = Memory(ItemPhase.PullRequest, "control-plane-steward") };

        var plan = Planner.Plan(Input([issue], [pr], memories));

        View(plan, 7).Phase.ShouldBe(ItemPhase.Held);
        var alert = plan.Health.SingleOrDefault(a => a.Code == QueueHealth.HumanWait);
        (alert is not null).ShouldBe(reported);
        if (reported)
        {
            alert!.Message.ShouldStartWith("PR #20 (#7) has waited on a human for 30 h");
        }
    }
}
