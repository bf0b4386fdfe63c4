using Autoship.Core.Planning;

namespace Autoship.Core.Tests.Planning;

/// <summary>Which gate decisions are fixed forward on the PR's branch, and what the next attempt is told.</summary>
public sealed class FixForwardPolicyTests
{
    private static readonly WorkOrder Order = new("o/r", 7, "Fix", "", "docs", "risk:low", Lane.Safe, "author", "reviewer", null, ["docs/**"],
        new Autoship.Core.Config.Guardrails(10, 100, 1000), [], "bash scripts/test.sh", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1));

    private static PullRequestSnapshot Pr(params ReviewSnapshot[] reviews) =>
        new(3, "Fix", "", new Actor("autoship", Permission.Write), "autoship/7-fix", "abc1234", "main", true, false, [], reviews,
            [new CheckSnapshot("ci", CheckState.Failure, "abc1234", "scripts/test.sh failed (exit 1)", "file:///tmp/ci.log")], [], [], DateTimeOffset.UnixEpoch);

    private static GateDecision Gate(GateVerdict verdict, params string[] codes) =>
        new(verdict, Lane.Safe, codes.Select(c => new Reason(c, c == "check-failed" ? "required check ci failed on head abc1234" : c == "human-changes-requested" ? "alice requested changes on head abc1234" : c)).ToList(), []);

    [Theory]
    [InlineData(GateVerdict.Reject, true, new[] { "check-failed" }, true)]
    [InlineData(GateVerdict.Reject, true, new[] { "changes-requested" }, true)]
    [InlineData(GateVerdict.Reject, true, new[] { "check-failed", "merge-conflict" }, true)]
    [InlineData(GateVerdict.Reject, true, new[] { "merge-conflict" }, true)]
    [InlineData(GateVerdict.Reject, false, new[] { "merge-conflict" }, false)]
    [InlineData(GateVerdict.Reject, true, new[] { "merge-conflict", "closed" }, false)]
    [InlineData(GateVerdict.Reject, false, new[] { "check-failed" }, false)]
    [InlineData(GateVerdict.Reject, true, new[] { "closed" }, false)]
    [InlineData(GateVerdict.Hold, true, new[] { "human-changes-requested" }, true)]
    [InlineData(GateVerdict.Hold, true, new[] { "human-approval-missing" }, false)]
    [InlineData(GateVerdict.Wait, true, new[] { "check-pending" }, false)]
    public void Feedback_Table(GateVerdict verdict, bool withinGuardrails, string[] codes, bool fixedForward)
    {
        var pr = Pr(new ReviewSnapshot(new Actor("bot", Permission.Write), ReviewState.ChangesRequested, "abc1234", DateTimeOffset.UnixEpoch, "reviewer", "REVIEW-BODY"),
            new ReviewSnapshot(new Actor("alice", Permission.Write), ReviewState.ChangesRequested, "abc1234", DateTimeOffset.UnixEpoch, null, "HUMAN-BODY"));

        var feedback = FixForwardPolicy.Feedback(Gate(verdict, codes), withinGuardrails, pr, Order);

        (feedback is not null).ShouldBe(fixedForward);
    }

    [Fact]
    public void Feedback_EachSource_CarriesItsText()
    {
        var pr = Pr(new ReviewSnapshot(new Actor("bot", Permission.Write), ReviewState.ChangesRequested, "abc1234", DateTimeOffset.UnixEpoch, "reviewer", "REVIEW-BODY"),
            new ReviewSnapshot(new Actor("alice", Permission.Write), ReviewState.ChangesRequested, "abc1234", DateTimeOffset.UnixEpoch, null, "HUMAN-BODY"),
            new ReviewSnapshot(new Actor("mallory", Permission.Read), ReviewState.ChangesRequested, "abc1234", DateTimeOffset.UnixEpoch, null, "READ-ONLY-BODY"),
            new ReviewSnapshot(new Actor("alice", Permission.Write), ReviewState.ChangesRequested, "old0000", DateTimeOffset.UnixEpoch, null, "OLD-HEAD-BODY"));

        var ci = FixForwardPolicy.Feedback(Gate(GateVerdict.Reject, "check-failed", "changes-requested"), true, pr, Order).ShouldNotBeNull();
        ci.Select(f => f.Source).ShouldBe([FixFeedback.Ci, FixFeedback.Reviewer]);
        ci[0].Text.ShouldContain("scripts/test.sh failed");
        ci[0].Url.ShouldBe("file:///tmp/ci.log");
        ci[1].Text.ShouldBe("REVIEW-BODY");

        var human = FixForwardPolicy.Feedback(Gate(GateVerdict.Hold, "human-changes-requested"), true, pr, Order).ShouldNotBeNull();
        human.Where(f => f.Source == FixFeedback.Human).ShouldHaveSingleItem().Text.ShouldBe("HUMAN-BODY");
        string.Join("\n", human.Select(f => f.Text)).ShouldNotContain("READ-ONLY-BODY");
        string.Join("\n", human.Select(f => f.Text)).ShouldNotContain("OLD-HEAD-BODY");
    }

    [Fact]
    public void Feedback_Conflict_NamesThePathsAndStartsFromTheBase()
    {
        var pr = Pr() with { Mergeable = false, ConflictPaths = ["docs/guide.md", "README.md"] };
        var gate = new GateDecision(GateVerdict.Reject, Lane.Safe, [new Reason("merge-conflict", "the branch conflicts with main in docs/guide.md, README.md")], []);

        var feedback = FixForwardPolicy.Feedback(gate, true, pr, Order, "b".PadRight(40, 'b')).ShouldNotBeNull();

        var conflict = feedback.ShouldHaveSingleItem();
        conflict.Source.ShouldBe(FixFeedback.Conflict);
        conflict.Text.ShouldContain("conflicting paths: docs/guide.md, README.md");
        conflict.Text.ShouldContain($"git log -p {"b".PadRight(40, 'b')}..abc1234");
        FixForwardPolicy.StartsFromBase(feedback).ShouldBeTrue();
        FixForwardPolicy.StartsFromBase([FixFeedback.Of(FixFeedback.Ci, "ci", "x")]).ShouldBeFalse();
    }

    [Fact]
    public void Feedback_ConflictOnAForgeThatNamesNoPaths_SaysSo()
    {
        var gate = new GateDecision(GateVerdict.Reject, Lane.Safe, [new Reason("merge-conflict", "the branch conflicts with main")], []);

        var feedback = FixForwardPolicy.Feedback(gate, true, Pr() with { Mergeable = false }, Order).ShouldNotBeNull();

        feedback.ShouldHaveSingleItem().Text.ShouldContain("the forge did not name the conflicting paths");
    }

    [Fact]
    public void Next_KeepsTheBranchAndCountsTheAttempt()
    {
        var next = FixForwardPolicy.Next(Order, [FixFeedback.Of(FixFeedback.Ci, "ci", "x")], DateTimeOffset.UnixEpoch.AddDays(1));

        next.Attempt.ShouldBe(2);
        next.Branch.ShouldBe(Order.Branch);
        (next.Deadline - next.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
        next.Feedback.ShouldHaveSingleItem();
    }

    [Fact]
    public void Of_LongText_KeepsTheTailWithinTheBound()
    {
        var f = FixFeedback.Of(FixFeedback.Ci, "ci", new string('a', 10_000) + "THE-END");

        f.Text.Length.ShouldBeLessThanOrEqualTo(FixFeedback.MaxText + 1);
        f.Text.ShouldEndWith("THE-END");
    }
}
