using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

public sealed class PlannerDispatchTests
{
    [Theory]
    [InlineData("docs", "low", true, "mission-control-orchestrator", "qa-reliability-engineer", Lane.Safe)]
    [InlineData("test", "low", true, "qa-reliability-engineer", "control-plane-steward", Lane.Safe)]
    [InlineData("cli-sdk", "low", true, "cli-sdk-contract-keeper", "qa-reliability-engineer", Lane.Safe)]
    [InlineData("api", "medium", false, "control-plane-steward", "qa-reliability-engineer", Lane.Staging)]
    [InlineData("auth", "high", false, "control-plane-steward", "qa-reliability-engineer", Lane.Human)]
    [InlineData("docs", "high", true, "mission-control-orchestrator", "qa-reliability-engineer", Lane.Human)]
    public void Plan_ReadyEligibleIssue_StartsAttemptOneWithOwnerReviewerAndLane(string area, string risk, bool safe, string owner, string reviewer, Lane lane)
    {
        var plan = Planner.Plan(Input([Ready(7, area, risk, safe)]));

        var start = plan.Actions.OfType<StartAttempt>().ShouldHaveSingleItem();
        start.Resume.ShouldBeFalse();
        start.Order.Issue.ShouldBe(7);
        start.Order.Owner.ShouldBe(owner);
        start.Order.Reviewer.ShouldBe(reviewer);
        start.Order.Lane.ShouldBe(lane);
        start.Order.Attempt.ShouldBe(1);
        start.Order.Branch.ShouldStartWith("autoship/7-");
        plan.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Claimed);
    }

    [Fact]
    public void Plan_MoreEligibleItemsThanLoopMaxConcurrent_QueuesTheRestWithNoSlot()
    {
        // Three different owners, so only loop.maxConcurrent (2) limits.
        var plan = Planner.Plan(Input([Ready(1, "docs"), Ready(2, "test"), Ready(3, "cli-sdk")]));

        plan.Actions.OfType<StartAttempt>().Select(s => s.Issue).ShouldBe([1, 2]);
        var queued = plan.Items.Single(i => i.Issue == 3);
        queued.Phase.ShouldBe(ItemPhase.Queued);
        queued.Reasons.ShouldHaveSingleItem().Code.ShouldBe("no-slot");
    }

    [Fact]
    public void Plan_ActiveClaimsCountAgainstLoopMaxConcurrent()
    {
        var claimed = Ready(1, "test", claimed: true);
        var memories = new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Claimed, "qa-reliability-engineer") };
        var plan = Planner.Plan(Input([claimed, Ready(2, "docs"), Ready(3, "cli-sdk")], memories: memories) with { Running = new HashSet<int> { 1 } });

        plan.Actions.OfType<StartAttempt>().Select(s => s.Issue).ShouldBe([2]);
        plan.Items.Single(i => i.Issue == 3).Reasons.ShouldHaveSingleItem().Code.ShouldBe("no-slot");
    }

    [Fact]
    public void Plan_TwoItemsForOneAgent_StartsOneAndSaysTheAgentIsBusy()
    {
        var plan = Planner.Plan(Input([Ready(1, "docs"), Ready(2, "ops", "low", safe: false)]));

        plan.Actions.OfType<StartAttempt>().ShouldHaveSingleItem().Issue.ShouldBe(1);
        var waiting = plan.Items.Single(i => i.Issue == 2);
        waiting.Phase.ShouldBe(ItemPhase.Queued);
        waiting.Reasons.ShouldHaveSingleItem().Code.ShouldBe("agent-busy");
    }

    [Theory]
    [InlineData("runtime-pause", "lane-paused")]
    [InlineData("config-pause", "lane-paused")]
    [InlineData("runtime-kill", "kill-switch")]
    [InlineData("config-kill", "kill-switch")]
    public void Plan_PausedLaneOrKillSwitch_StartsNothingAndSaysPaused(string control, string code)
    {
        var controls = control switch
        {
            "runtime-pause" => new RuntimeControls(false, [Lane.Safe]),
            "runtime-kill" => new RuntimeControls(true, []),
            _ => RuntimeControls.None,
        };
        var config = control switch
        {
            "config-pause" => WithLoop(l => l with { PausedLanes = [Lane.Safe] }),
            "config-kill" => WithLoop(l => l with { KillSwitch = true }),
            _ => Config,
        };

        var plan = Planner.Plan(Input([Ready(1, "docs")], config: config, controls: controls));

        plan.Actions.ShouldNotContain(a => a is StartAttempt);
        var item = plan.Items.ShouldHaveSingleItem();
        item.Phase.ShouldBe(ItemPhase.Paused);
        item.Reasons.ShouldHaveSingleItem().Code.ShouldBe(code);
    }

    [Fact]
    public void Plan_PausedLane_OtherLanesStillStart()
    {
        var plan = Planner.Plan(Input([Ready(1, "docs"), Ready(2, "api", "medium", safe: false)], controls: new RuntimeControls(false, [Lane.Safe])));

        plan.Actions.OfType<StartAttempt>().ShouldHaveSingleItem().Issue.ShouldBe(2);
    }

    [Fact]
    public void Plan_AgentUnavailable_QueuesWithTheGuardsReason()
    {
        var input = Input([Ready(1, "docs")]) with
        {
            UnavailableAgents = new Dictionary<string, Reason> { ["mission-control-orchestrator"] = new("circuit-open", "failed 3 times") },
        };

        var plan = Planner.Plan(input);

        plan.Actions.ShouldBeEmpty();
        plan.Items.ShouldHaveSingleItem().Reasons.ShouldHaveSingleItem().Code.ShouldBe("circuit-open");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(-1, true)]
    public void Plan_ReleasedItemInItsBackoff_WaitsThenStartsTheNextAttempt(int minutesUntilRetry, bool starts)
    {
        var memories = new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Released, attempt: 1) with { RetryAfter = Now.AddMinutes(minutesUntilRetry) } };

        var plan = Planner.Plan(Input([Ready(1, "docs")], memories: memories));

        if (starts)
        {
            plan.Actions.OfType<StartAttempt>().ShouldHaveSingleItem().Order.Attempt.ShouldBe(2);
        }
        else
        {
            plan.Actions.ShouldBeEmpty();
            var item = plan.Items.ShouldHaveSingleItem();
            item.Phase.ShouldBe(ItemPhase.Queued);
            item.Reasons[0].Code.ShouldBe("retry-backoff");
        }
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(10, 120)]
    public void RetryBackoff_DoublesPerFailedAttempt_CappedAtTheClaimTimeout(int failedAttempt, int minutes) =>
        RetryBackoff.After(failedAttempt, Config.Loop).ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void Plan_ReleasedItem_StartsTheNextAttempt()
    {
        var memories = new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Released, attempt: 1) };

        var plan = Planner.Plan(Input([Ready(1, "docs")], memories: memories));

        plan.Actions.OfType<StartAttempt>().ShouldHaveSingleItem().Order.Attempt.ShouldBe(2);
    }

    [Fact]
    public void Plan_ReleasedAfterMaxAttempts_BlocksTheItem()
    {
        var memories = new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Released, attempt: Config.Loop.MaxAttempts) };

        var plan = Planner.Plan(Input([Ready(1, "docs")], memories: memories));

        plan.Actions.ShouldNotContain(a => a is StartAttempt);
        var block = plan.Actions.OfType<BlockItem>().ShouldHaveSingleItem();
        block.Attempts.ShouldBe(Config.Loop.MaxAttempts);
        block.Reasons.ShouldContain(r => r.Code == "max-attempts");
        plan.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Blocked);
    }

    [Theory]
    [InlineData(new[] { "autonomy:ready", "area:api", "area:web", "risk:low" }, "multiple-areas")]
    [InlineData(new[] { "autonomy:ready", "risk:low" }, "no-area")]
    [InlineData(new[] { "autonomy:ready", "area:docs" }, "no-risk")]
    public void Plan_IneligibleReadyIssue_IsSkippedAndExplainedOnce(string[] labels, string code)
    {
        var issue = Issue(1, labels);

        var first = Planner.Plan(Input([issue]));
        var comment = first.Actions.OfType<UpdateComment>().ShouldHaveSingleItem();
        first.Actions.ShouldHaveSingleItem();
        first.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Skipped);
        comment.Memory.Reasons.ShouldContain(r => r.Code == code);
        comment.HumanActions.ShouldNotBeEmpty();

        var again = Planner.Plan(Input([issue], memories: new Dictionary<int, ItemMemory> { [1] = comment.Memory }));
        again.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ReadyAppliedByAReader_StartsNothing()
    {
        var issue = Issue(1, [Labels.Ready, "area:docs", "risk:low"]) is var i
            ? i with { LabelEvents = i.LabelEvents.Select(e => e with { Actor = new Actor("mallory", Permission.Read) }).ToList() }
            : null!;

        var plan = Planner.Plan(Input([issue]));

        plan.Actions.ShouldNotContain(a => a is StartAttempt);
        plan.Items.ShouldHaveSingleItem().Reasons.ShouldContain(r => r.Code == "ready-untrusted");
    }
}
