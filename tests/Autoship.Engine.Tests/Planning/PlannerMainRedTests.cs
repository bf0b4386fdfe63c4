using Autoship.Core;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

/// <summary>A red main is nobody's item: nothing merges onto it and no item burns an attempt on a failed check while it lasts.</summary>
public sealed class PlannerMainRedTests
{
    private const string Reviewer = "qa-reliability-engineer";
    private const string MainSha = "0123456789012345678901234567890123456789";

    private static readonly IssueSnapshot Docs = Ready(1, claimed: true);

    private static PullRequestSnapshot DocsPr(CheckState ci) =>
        Pr(10, Order(Docs, "docs"), reviews: [AgentReview(10, Reviewer)], checks: [Ci(10, ci)]);

    private static PlanInput WithMain(PlanInput input, CheckState main) => input with
    {
        Snapshot = input.Snapshot with { DefaultBranchChecks = [new CheckSnapshot("ci", main, MainSha, "tests failed")] },
    };

    [Fact]
    public void Plan_MainRed_DoesNotMergeAGreenPr_AndSaysWhyOnEveryItem()
    {
        var plan = Planner.Plan(WithMain(Input([Docs], [DocsPr(CheckState.Success)]), CheckState.Failure));

        plan.Actions.ShouldNotContain(a => a is MergePullRequest);
        plan.Notices.ShouldContain(r => r.Code == "main-red" && r.Message.Contains("main is red: check ci failed on 0123456"));
        plan.Items.ShouldHaveSingleItem().Reasons.ShouldContain(r => r.Code == "main-red");
    }

    [Fact]
    public void Plan_MainRed_FailedCheckOnPr_DoesNotReleaseOrCountTheAttempt()
    {
        var plan = Planner.Plan(WithMain(Input([Docs], [DocsPr(CheckState.Failure)]), CheckState.Failure));

        plan.Actions.ShouldNotContain(a => a is ReleaseClaim || a is BlockItem || a is MergePullRequest);
    }

    [Theory]
    [InlineData(CheckState.Success)]
    [InlineData(CheckState.Pending)]
    public void Plan_MainGreenOrPending_MergesAsBefore(CheckState main)
    {
        var plan = Planner.Plan(WithMain(Input([Docs], [DocsPr(CheckState.Success)]), main));

        plan.Actions.OfType<MergePullRequest>().ShouldHaveSingleItem();
        plan.Notices.ShouldNotContain(r => r.Code == "main-red");
    }
}
