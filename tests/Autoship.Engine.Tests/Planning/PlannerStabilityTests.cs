using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

public sealed class PlannerStabilityTests
{
    private const string Reviewer = "qa-reliability-engineer";

    [Fact]
    public void Plan_InvalidConfig_DispatchesNothingButStillReconcilesPrsWithTheLastGoodConfig()
    {
        var docs = Ready(1, claimed: true);
        var pr = Pr(10, Order(docs, "docs"), reviews: [AgentReview(10, Reviewer)], checks: [Ci(10)]);
        var input = Input([docs, Ready(2, "test")], [pr]) with
        {
            Config = null,
            ConfigErrors = [new ConfigError(AutoshipConfig.DefaultPath, 3, 16, "maxAttempts must be a number")],
            LastGoodConfig = Config,
        };

        var plan = Planner.Plan(input);

        plan.Actions.ShouldNotContain(a => a is StartAttempt);
        var notice = plan.Notices.ShouldHaveSingleItem();
        notice.Code.ShouldBe("config-invalid");
        notice.Message.ShouldContain("maxAttempts must be a number");
        plan.Actions.OfType<MergePullRequest>().ShouldHaveSingleItem().PullRequest.ShouldBe(10);
        plan.Items.Single(i => i.Issue == 2).Phase.ShouldBe(ItemPhase.Queued);
    }

    [Fact]
    public void Plan_InvalidConfigAndNoLastGood_PlansNothing()
    {
        var plan = Planner.Plan(Input([Ready(1)]) with { Config = null, ConfigErrors = [new ConfigError(AutoshipConfig.DefaultPath, 1, 1, "broken")] });

        plan.Actions.ShouldBeEmpty();
        plan.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Skipped);
        plan.Notices.ShouldHaveSingleItem().Code.ShouldBe("config-invalid");
    }

    [Fact]
    public void Plan_SameInputTwice_PlansTheSame()
    {
        var auth = Ready(2, "auth", "high", safe: false, claimed: true);
        var input = Input(
            [Ready(1, "docs"), auth, Ready(3, "test", claimed: true, claimedAt: Now.AddHours(-5)), Issue(4, [Labels.Ready, "area:api", "area:web", "risk:low"])],
            [Pr(11, Order(auth, "auth", "high"), files: [new ChangedFile("src/auth/session.py", 1, 1)], reviews: [AgentReview(11, Reviewer)], checks: [Ci(11)])]);

        var first = Planner.Plan(input);
        var second = Planner.Plan(input);

        first.Actions.Count.ShouldBeGreaterThan(3);
        second.Actions.Select(a => a.Kind + " " + a.Describe()).ShouldBe(first.Actions.Select(a => a.Kind + " " + a.Describe()));
        second.Items.Select(i => $"{i.Issue} {i.Phase} {string.Join(",", i.Reasons.Select(r => r.Code))}")
            .ShouldBe(first.Items.Select(i => $"{i.Issue} {i.Phase} {string.Join(",", i.Reasons.Select(r => r.Code))}"));
    }

    [Fact]
    public void Plan_PostStateOfAHeldPr_PlansNothingNew()
    {
        var auth = Ready(2, "auth", "high", safe: false, claimed: true);
        var pr = Pr(11, Order(auth, "auth", "high"), files: [new ChangedFile("src/auth/session.py", 1, 1)], reviews: [AgentReview(11, Reviewer)], checks: [Ci(11)]);
        var memories = new Dictionary<int, ItemMemory> { [2] = new(ItemPhase.PullRequest, "control-plane-steward", Reviewer, 1, Now.AddMinutes(-30), Lane.Human, []) };

        var first = Planner.Plan(Input([auth], [pr], memories));
        first.Actions.Select(a => a.Kind).ShouldBe(["labels", "gate", "comment"]);

        // Apply the plan to the fake forge: labels on the PR, the gate status on the head, the comment's memory.
        var gate = first.Actions.OfType<PublishGate>().Single();
        var after = pr with
        {
            Labels = first.Actions.OfType<SyncLabels>().Single().Add,
            Checks = [.. pr.Checks, new CheckSnapshot(Planner.GateContext, Planner.StatusOf(gate.Decision.Verdict), gate.HeadSha, gate.Decision.Summary)],
        };
        memories[2] = first.Actions.OfType<UpdateComment>().Single().Memory;

        var second = Planner.Plan(Input([auth], [after], memories));

        second.Actions.ShouldBeEmpty();
        second.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Held);
    }

    [Fact]
    public void Plan_CommentIsUpdatedOnlyWhenPhaseOrReasonsChange()
    {
        var issue = Issue(1, [Labels.Ready, "area:api", "area:web", "risk:low"]);
        var first = Planner.Plan(Input([issue])).Actions.OfType<UpdateComment>().ShouldHaveSingleItem();

        var sameReasons = Planner.Plan(Input([issue], memories: new Dictionary<int, ItemMemory> { [1] = first.Memory }));
        var otherReasons = Planner.Plan(Input([issue with { Labels = [Labels.Ready, "area:api", "area:web"] }], memories: new Dictionary<int, ItemMemory> { [1] = first.Memory }));

        sameReasons.Actions.ShouldBeEmpty();
        otherReasons.Actions.OfType<UpdateComment>().ShouldHaveSingleItem().Memory.Reasons.Select(r => r.Code).ShouldBe(["multiple-areas", "no-risk"], ignoreOrder: true);
    }
}
