using Autoship.Core;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;
using static Autoship.Engine.Tests.Planning.Queued;

namespace Autoship.Engine.Tests.Planning;

public sealed class PlannerQueueTests
{
    [Fact]
    public void Plan_OneSlot_LaterP0GoesBeforeOlderP3()
    {
        var plan = Planner.Plan(Input([Item(1, "docs", "p3", waitedHours: 10), Item(2, "test", "p0", waitedHours: 1)], config: Slots(1)));

        Started(plan).ShouldBe([2]);
        var older = View(plan, 1);
        older.Phase.ShouldBe(ItemPhase.Queued);
        older.Reasons.ShouldHaveSingleItem().Code.ShouldBe("no-slot");
        older.QueuePosition!.Message.ShouldBe("2nd of 2 in the queue: p3, lane A, waiting 10 h");
        View(plan, 2).QueuePosition!.Message.ShouldBe("1st of 2 in the queue: p0, lane A, waiting 1 h");
    }

    [Fact]
    public void Plan_PriorityLabelFromReadOnlyAccount_DoesNotCountAndSaysWhy()
    {
        var plan = Planner.Plan(Input([Item(1, "docs", "p1", waitedHours: 1), Item(2, "test", "p0", waitedHours: 5, prioritizer: Reader)], config: Slots(1)));

        // #2's p0 is ignored (default p2), so #1 (p1 from a maintainer) goes first.
        Started(plan).ShouldBe([1]);
        var ignored = View(plan, 2);
        ignored.Reasons.Select(r => r.Code).ShouldBe(["no-slot", "priority-untrusted"]);
        ignored.Reasons[1].Message.ShouldContain("drive-by");
        ignored.QueuePosition!.Message.ShouldContain("p2");
    }

    [Fact]
    public void Plan_ManyQueuedItems_ShareOneWaitingReasonButKeepTheirOwnNotes()
    {
        // Dispatch formats each waiting reason once per pass (SharedReasons): items waiting for the same cause get the
        // same text, an item with a priority note still gets its note, and no other item inherits it.
        var plan = Planner.Plan(Input([Item(1, "docs", "p0"), Item(2, "test", "p1"), Item(3, "cli-sdk", "p1", prioritizer: Reader), Item(4, "api", "p1")], config: Slots(1)));

        Started(plan).ShouldBe([1]);
        View(plan, 2).Reasons.Select(r => r.Code).ShouldBe(["no-slot"]);
        View(plan, 3).Reasons.Select(r => r.Code).ShouldBe(["no-slot", "priority-untrusted"]);
        View(plan, 4).Reasons.Select(r => r.Code).ShouldBe(["no-slot"]);
        View(plan, 4).Reasons.ShouldBe(View(plan, 2).Reasons);
        View(plan, 3).Reasons[0].ShouldBe(View(plan, 2).Reasons[0]);
    }

    [Fact]
    public void Plan_AreaCapsOfTwoAreas_EachReasonNamesItsOwnArea()
    {
        // The shared reasons are keyed by area: a cap formatted for docs is never served to an ops item.
        var plan = Planner.Plan(Input([Item(1, "docs", "p0"), Item(2, "ops", "p0", safe: false), Item(3, "docs", "p1"), Item(4, "ops", "p1", safe: false)],
            config: Slots(5, perAgent: 5, maxPerArea: 1)));

        Started(plan).ShouldBe([1, 2]);
        View(plan, 3).Reasons.ShouldHaveSingleItem().Message.ShouldStartWith("area:docs already has 1");
        View(plan, 4).Reasons.ShouldHaveSingleItem().Message.ShouldStartWith("area:ops already has 1");
    }

    [Fact]
    public void Plan_StarvedLowPriority_IsPromotedAheadOfNewP0()
    {
        var plan = Planner.Plan(Input([Item(1, "docs", "p4", waitedHours: 60), Item(2, "test", "p0", waitedHours: 1)], config: Slots(1)));

        Started(plan).ShouldBe([1]);
        View(plan, 1).QueuePosition!.Message.ShouldContain("promoted");
    }

    [Theory]
    [InlineData(IssueLinkState.Open, "blocked-by", "blocked by #40 until it closes")]
    [InlineData(IssueLinkState.NotPlanned, "blocker-not-planned", "closed as not planned")]
    [InlineData(IssueLinkState.Unknown, "blocker-unknown", "could not be read")]
    public void Plan_ForgeBlockedByLink_NotDone_Waits(IssueLinkState state, string code, string text)
    {
        var blocked = Item(2, "docs", "p0") with { BlockedBy = [new IssueLink(40, state)] };

        var plan = Planner.Plan(Input([blocked], config: Slots(2)));

        Started(plan).ShouldBeEmpty();
        var view = View(plan, 2);
        view.Phase.ShouldBe(ItemPhase.Queued);
        view.Reasons.ShouldHaveSingleItem().Code.ShouldBe(code);
        view.Reasons[0].Message.ShouldContain(text);
        view.QueuePosition.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_BlockerInAnotherRepository_IsNamedWithItsRepositoryAndNeverMistakenForTheLocalIssue()
    {
        // #1 here is open, but the blocker is other/lib#1 (closed as done) and other/lib#3 (open): only the latter holds #2.
        var blocked = Item(2, "test") with
        {
            BlockedBy = [new IssueLink(1, IssueLinkState.Completed) { Repository = "other/lib" }, new IssueLink(3, IssueLinkState.Open) { Repository = "other/lib" }],
        };

        var plan = Planner.Plan(Input([Item(1, "docs") with { BlockedBy = [new IssueLink(2, IssueLinkState.Open) { Repository = "other/lib" }] }, blocked], config: Slots(2)));

        Started(plan).ShouldBeEmpty();
        View(plan, 2).Reasons.ShouldBe([new Reason("blocked-by", "blocked by other/lib#3 until it closes")]);
        View(plan, 1).Reasons.ShouldBe([new Reason("blocked-by", "blocked by other/lib#2 until it closes")]);
    }

    [Fact]
    public void Plan_ForgeBlockedByCompleted_Starts()
    {
        var plan = Planner.Plan(Input([Item(2, "docs") with { BlockedBy = [new IssueLink(40, IssueLinkState.Completed)] }], config: Slots(2)));

        Started(plan).ShouldBe([2]);
    }

    [Theory]
    [InlineData("Blocked by #1", true)]
    [InlineData("- Depends on: #1", true)]
    [InlineData("**Blocked by** #7, #1", true)]
    [InlineData("This is not blocked by #1 at all", false)]
    [InlineData("```\nBlocked by #1\n```", false)]
    public void Plan_BodyLineNamingAnOpenObservedIssue_Waits(string body, bool waits)
    {
        var plan = Planner.Plan(Input([Item(1, "docs"), Item(2, "test", body: body)], config: Slots(2)) with { Snapshot = Snapshot(new Dictionary<int, IssueLinkState> { [7] = IssueLinkState.Completed }, Item(1, "docs"), Item(2, "test", body: body)) });

        Started(plan).Contains(2).ShouldBe(!waits);
        if (waits)
        {
            View(plan, 2).Reasons.ShouldContain(new Reason("blocked-by", "blocked by #1 until it closes"));
        }
    }

    [Fact]
    public void Plan_BodyLineNamingAClosedCompletedIssue_Starts()
    {
        var plan = Planner.Plan(Input([], config: Slots(2)) with { Snapshot = Snapshot(new Dictionary<int, IssueLinkState> { [5] = IssueLinkState.Completed }, Item(2, "test", body: "Depends on #5")) });

        Started(plan).ShouldBe([2]);
    }

    [Fact]
    public void Plan_NotPlannedBlocker_IsWrittenOnTheIssueOnce()
    {
        var input = Input([], config: Slots(2)) with { Snapshot = Snapshot(new Dictionary<int, IssueLinkState> { [5] = IssueLinkState.NotPlanned }, Item(2, "test", body: "Blocked by #5")) };

        var plan = Planner.Plan(input);

        var comment = plan.Actions.OfType<UpdateComment>().ShouldHaveSingleItem();
        comment.Reasons.ShouldHaveSingleItem().Code.ShouldBe("blocker-not-planned");
        View(plan, 2).HumanActions.ShouldHaveSingleItem().ShouldContain("not planned");

        // Next tick, with that remembered, the comment is not edited again.
        var again = Planner.Plan(input with { Memories = new Dictionary<int, ItemMemory> { [2] = comment.Memory } });
        again.Actions.OfType<UpdateComment>().ShouldBeEmpty();
    }

    [Fact]
    public void Plan_DependencyCycle_IsReportedOnEveryItemInIt()
    {
        var plan = Planner.Plan(Input([
            Item(1, "docs", body: "Blocked by #2"), Item(2, "test", body: "Blocked by #3"), Item(3, "cli-sdk", body: "Blocked by #1"), Item(4, "api", body: "Blocked by #1", risk: "low"),
        ], config: Slots(4)));

        Started(plan).ShouldBeEmpty();
        foreach (var n in new[] { 1, 2, 3 })
        {
            var cycle = View(plan, n).Reasons.Single(r => r.Code == "dependency-cycle");
            cycle.Message.ShouldStartWith("#1 → #2 → #3 → #1");
        }

        View(plan, 4).Reasons.Select(r => r.Code).ShouldBe(["blocked-by"]);
        plan.Actions.OfType<UpdateComment>().Select(c => c.Issue).Order().ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Plan_SelfDependency_IsACycleOfOne()
    {
        var plan = Planner.Plan(Input([Item(3, "docs", body: "Blocked by #3")], config: Slots(1)));

        View(plan, 3).Reasons.ShouldHaveSingleItem().Code.ShouldBe("dependency-cycle");
    }

    [Fact]
    public void Plan_BlockedItemDoesNotTakeASlot_TheNextOneStarts()
    {
        var plan = Planner.Plan(Input([Item(1, "docs", "p0", body: "Blocked by #9"), Item(2, "test", "p3")], config: Slots(1)) with
        {
            Snapshot = Snapshot(new Dictionary<int, IssueLinkState> { [9] = IssueLinkState.Open }, Item(1, "docs", "p0", body: "Blocked by #9"), Item(2, "test", "p3")),
        });

        Started(plan).ShouldBe([2]);
        View(plan, 1).QueuePosition!.Message.ShouldStartWith("1st of 2");
    }

    [Fact]
    public void Plan_AreaCap_OneBusyAreaLeavesSlotsForOthers()
    {
        // mission-control-orchestrator owns docs and ops and may run 5 at once; 5 slots; at most 1 per area.
        var plan = Planner.Plan(Input([Item(1, "docs", "p0"), Item(2, "docs", "p0"), Item(3, "docs", "p0"), Item(4, "ops", "p4", safe: false)], config: Slots(5, perAgent: 5, maxPerArea: 1)));

        Started(plan).ShouldBe([1, 4]);
        View(plan, 2).Reasons.ShouldHaveSingleItem().Code.ShouldBe("area-cap");
        View(plan, 3).Reasons.ShouldHaveSingleItem().Message.ShouldContain("queue.maxPerArea");
    }

    [Fact]
    public void Plan_AreaCap_CountsWorkAlreadyInFlight()
    {
        var claimed = Ready(1, "docs", claimed: true);
        var plan = Planner.Plan(Input([claimed, Item(2, "docs"), Item(3, "test")], memories: new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Claimed) },
            config: Slots(5, perAgent: 5, maxPerArea: 1)) with { Running = new HashSet<int> { 1 } });

        Started(plan).ShouldBe([3]);
        View(plan, 2).Reasons.ShouldHaveSingleItem().Code.ShouldBe("area-cap");
    }

    [Fact]
    public void Plan_NoCap_SameAreaIsHeldOnlyByItsOverlappingPathsNotByACap()
    {
        // No queue.maxPerArea: the cap holds nothing back; two work orders of one area would edit the same paths, so
        // the others wait for the first one (PathClaims), with that reason rather than the cap's.
        var plan = Planner.Plan(Input([Item(1, "docs"), Item(2, "docs"), Item(3, "docs")], config: Slots(3, perAgent: 3)));

        Started(plan).ShouldBe([1]);
        View(plan, 2).Reasons.Select(r => r.Code).ShouldContain("paths-busy");
        View(plan, 3).Reasons.Select(r => r.Code).ShouldNotContain("area-cap");
    }

    private static RepositorySnapshot Snapshot(IReadOnlyDictionary<int, IssueLinkState> referenced, params IssueSnapshot[] issues) =>
        new("local:test", "main", "0123456789012345678901234567890123456789", issues, [], Now) { ReferencedIssues = referenced };
}
