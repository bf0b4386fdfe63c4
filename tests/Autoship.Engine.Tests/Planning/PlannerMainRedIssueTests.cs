using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Core.Queue;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

/// <summary>A red main gets one issue for the agent owning area:test; its fix may merge onto the red main; green closes it.</summary>
public sealed class PlannerMainRedIssueTests
{
    private const string Reviewer = "control-plane-steward";
    private const string MainSha = "0123456789012345678901234567890123456789";

    private static PlanInput WithMain(PlanInput input, CheckState main) => input with
    {
        Snapshot = input.Snapshot with { DefaultBranchChecks = [new CheckSnapshot("ci", main, MainSha, "tests failed", "file:///tmp/ci.log")] },
    };

    private static IssueSnapshot Filed(int number = 7) => Ready(number, area: "test", claimed: true) with { Body = MainRedIssue.Marker + "\nmain is red" };

    [Fact]
    public void Plan_MainRedWithoutItsIssue_FilesItWithTheFailingChecks()
    {
        var plan = Planner.Plan(WithMain(Input([]), CheckState.Failure));

        var red = plan.Actions.OfType<ReportMainRed>().ShouldHaveSingleItem();
        red.Sha.ShouldBe(MainSha);
        red.Failing.ShouldHaveSingleItem().Url.ShouldBe("file:///tmp/ci.log");
        red.Reasons.ShouldContain(r => r.Code == "main-red");
    }

    [Fact]
    public void Plan_MainRedAndItsIssueOpen_FilesNothingAgain()
    {
        var plan = Planner.Plan(WithMain(Input([Filed()]), CheckState.Failure));

        plan.Actions.ShouldNotContain(a => a is ReportMainRed || a is CloseMainRed);
    }

    [Fact]
    public void Plan_MainGreenAndItsIssueOpenWithoutAPr_ClosesIt()
    {
        var plan = Planner.Plan(WithMain(Input([Filed()]), CheckState.Success));

        plan.Actions.OfType<CloseMainRed>().ShouldHaveSingleItem().Issue.ShouldBe(7);
        plan.Actions.ShouldNotContain(a => a is ReportMainRed);
    }

    [Fact]
    public void Plan_MainRed_TheIssuesOwnFixMayMergeButNoOtherPr()
    {
        var fix = Filed(7);
        var fixPr = Pr(70, Order(fix, "test"), files: [new ChangedFile("tests/test_app.py", 3, 1)], reviews: [AgentReview(70, Reviewer)], checks: [Ci(70)]);
        var docs = Ready(1, claimed: true);
        var docsPr = Pr(10, Order(docs, "docs"), reviews: [AgentReview(10, "qa-reliability-engineer")], checks: [Ci(10)]);

        var plan = Planner.Plan(WithMain(Input([fix, docs], [fixPr, docsPr]), CheckState.Failure));

        plan.Actions.OfType<MergePullRequest>().Select(m => m.PullRequest).ShouldBe([70], string.Join("\n", plan.Items.Select(i => $"#{i.Issue} {i.Phase}: " + string.Join("; ", i.Reasons.Select(r => r.Message)))));
        plan.Actions.ShouldNotContain(a => a is CloseMainRed);
    }
}
