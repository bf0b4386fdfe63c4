using static Autoship.Core.Tests.Gate.Prs;

namespace Autoship.Core.Tests.Gate;

/// <summary>
/// Invariants of the gate over hundreds of generated pull requests (a fixed seed, so every run sees the same cases):
/// lane C never merges without a human approval, no lane merges while a required check is not green or when the
/// only approval is the author's, and a new head commit resets approvals, checks and deployments.
/// </summary>
public sealed class MergeGatePropertyTests
{
    private const int Cases = 1500;

    private static readonly Actor[] People = [Maintainer, Reader, new("pat", Permission.Write), new(TestConfigs.Qa + "[bot]", Permission.Write)];
    private static readonly string[] AgentNames = [Reviewer, Author, TestConfigs.Steward, "rogue-agent"];
    private static readonly string[] Shas = [Head, Head, OldHead];

    [Fact]
    public void Decide_GeneratedPullRequests_KeepTheSafetyInvariants()
    {
        var rng = new Random(20250101);
        var merges = new Dictionary<Lane, int> { [Lane.Safe] = 0, [Lane.Staging] = 0, [Lane.Human] = 0 };
        for (var i = 0; i < Cases; i++)
        {
            var lane = (Lane)rng.Next(3);
            var pr = Generate(rng, lane);
            var decision = Decide(pr, lane);
            var context = $"case {i}: {string.Join("; ", decision.Reasons)}";
            if (decision.Verdict != GateVerdict.Merge)
            {
                continue;
            }

            merges[lane]++;
            RequiredChecksGreen(pr).ShouldBeTrue(context);
            pr.Reviews.Any(r => r.CommitSha == Head && r.State == ReviewState.Approved && r.Agent != Author).ShouldBeTrue(context);
            if (lane == Lane.Human)
            {
                HumanApprovalOnHead(pr).ShouldBeTrue(context);
            }
        }

        // The invariants mean nothing unless some generated cases do merge.
        merges.Values.ShouldAllBe(n => n > 20, string.Join(", ", merges));
    }

    /// <summary>
    /// Autoship's own statuses (its gate, queue and review statuses, in any state, on any commit) never change the
    /// gate's verdict when no required check is named: the gate does not wait for, nor reject on, its own outputs.
    /// </summary>
    [Fact]
    public void Decide_OwnStatusesAddedInAnyState_NeverChangeTheVerdict()
    {
        var rng = new Random(20261202);
        string[] own = ["autoship/gate", "autoship/queue", "autoship/review", "AUTOSHIP/gate"];
        var states = Enum.GetValues<CheckState>();
        var config = TestConfigs.Default() with { Validation = new Autoship.Core.Config.ValidationSettings("scripts/test.sh", []) };
        var merges = 0;
        for (var i = 0; i < Cases / 3; i++)
        {
            var lane = (Lane)rng.Next(3);
            var pr = Generate(rng, lane);
            var before = Decide(pr, lane, config);
            var extra = Enumerable.Range(0, rng.Next(1, 4))
                .Select(_ => new CheckSnapshot(own[rng.Next(own.Length)], states[rng.Next(states.Length)], Shas[rng.Next(Shas.Length)]))
                .Where(c => c.Name != "autoship/queue" || c.Sha != Head) // the queue's status on the head has its own meaning (queued / ejected)
                .ToList();
            var after = Decide(pr with { Checks = [.. pr.Checks, .. extra] }, lane, config);

            after.Verdict.ShouldBe(before.Verdict, $"case {i}: {string.Join(", ", extra)} changed {string.Join("; ", before.Reasons)} into {string.Join("; ", after.Reasons)}");
            merges += before.Verdict == GateVerdict.Merge ? 1 : 0;
        }

        merges.ShouldBeGreaterThan(20, "the property means nothing unless some generated cases merge");
    }

    [Fact]
    public void Decide_NewHeadCommit_ResetsApprovalsChecksAndDeployments()
    {
        var rng = new Random(7);
        for (var i = 0; i < Cases / 3; i++)
        {
            var lane = (Lane)rng.Next(3);
            var pr = Generate(rng, lane) with { HeadSha = "newhead" + i };

            var decision = Decide(pr, lane);

            decision.Verdict.ShouldNotBe(GateVerdict.Merge);
            var codes = decision.Reasons.Select(r => r.Code).ToList();
            if (decision.Verdict != GateVerdict.Reject || !codes.Contains("check-failed"))
            {
                codes.ShouldContain("check-missing", $"case {i}");
            }

            codes.ShouldContain("reviewer-approval-missing", $"case {i}");
            if (lane == Lane.Human)
            {
                codes.ShouldContain("human-approval-missing", $"case {i}");
            }

            if (lane == Lane.Staging)
            {
                codes.ShouldContain("deployment-missing", $"case {i}");
            }
        }
    }

    [Fact]
    public void Decide_OnlyTheAuthorApproved_NeverMerges()
    {
        var rng = new Random(99);
        for (var i = 0; i < Cases / 3; i++)
        {
            var lane = (Lane)rng.Next(3);
            var generated = Generate(rng, lane);
            var pr = generated with { Reviews = [.. generated.Reviews.Where(r => r.State != ReviewState.Approved || r.Agent == Author)] };

            Decide(pr, lane).Verdict.ShouldNotBe(GateVerdict.Merge, $"case {i}");
        }
    }

    private static PullRequestSnapshot Generate(Random rng, Lane lane)
    {
        var pr = Green(lane);
        if (rng.Next(2) == 0)
        {
            // Start from a clean slate of reviews half of the time, otherwise add noise to the green ones.
            var keep = rng.Next(3) == 0 ? [] : pr.Reviews;
            pr = pr with { Reviews = [.. keep, .. Enumerable.Range(0, rng.Next(4)).Select(_ => Review(rng))] };
        }

        if (rng.Next(3) == 0)
        {
            var states = Enum.GetValues<CheckState>();
            pr = pr with { Checks = [.. Enumerable.Range(0, rng.Next(3)).Select(_ => new CheckSnapshot(rng.Next(4) == 0 ? "lint" : "ci", states[rng.Next(states.Length)], Pick(rng, Shas)))] };
        }

        if (rng.Next(4) == 0)
        {
            var states = Enum.GetValues<DeploymentState>();
            pr = pr with { Deployments = [new DeploymentSnapshot("staging", Pick(rng, Shas), states[rng.Next(states.Length)], T0)] };
        }

        if (rng.Next(5) == 0)
        {
            pr = pr with { Labels = [.. new[] { Labels.Safe, "size:xs", "size:m", "risk:high" }.Where(_ => rng.Next(2) == 0)] };
        }

        if (rng.Next(6) == 0)
        {
            pr = pr with { Body = rng.Next(2) == 0 ? string.Empty : Evidence };
        }

        return pr with { Mergeable = rng.Next(10) == 0 ? false : pr.Mergeable };
    }

    private static ReviewSnapshot Review(Random rng)
    {
        var states = Enum.GetValues<ReviewState>();
        var state = rng.Next(2) == 0 ? ReviewState.Approved : states[rng.Next(states.Length)];
        var minute = rng.Next(30);
        return rng.Next(2) == 0
            ? AgentReview(Pick(rng, AgentNames), state, Pick(rng, Shas), minute)
            : HumanReview(rng.Next(8) == 0 ? Bot : Pick(rng, People), state, Pick(rng, Shas), minute);
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    private static bool RequiredChecksGreen(PullRequestSnapshot pr)
    {
        var runs = pr.Checks.Where(c => c.Sha == pr.HeadSha && c.Name == "ci").ToList();
        return runs.Count > 0 && runs.All(c => c.IsGreen);
    }

    private static bool HumanApprovalOnHead(PullRequestSnapshot pr) =>
        pr.Reviews.Any(r => r.Agent is null && r.CommitSha == pr.HeadSha && r.State == ReviewState.Approved
            && r.Reviewer.CanWrite && r.Reviewer.Login != pr.Author.Login && !r.Reviewer.Login.EndsWith("[bot]", StringComparison.Ordinal));
}
