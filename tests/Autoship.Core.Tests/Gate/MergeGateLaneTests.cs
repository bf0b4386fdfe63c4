using static Autoship.Core.Tests.Gate.Prs;

namespace Autoship.Core.Tests.Gate;

/// <summary>Each requirement of each lane, taken away one at a time from a pull request that meets them all.</summary>
public sealed class MergeGateLaneTests
{
    [Theory]
    [InlineData(Lane.Safe)]
    [InlineData(Lane.Staging)]
    [InlineData(Lane.Human)]
    public void Decide_EveryRequirementMet_Merges(Lane lane)
    {
        var decision = Decide(Green(lane), lane);

        decision.Verdict.ShouldBe(GateVerdict.Merge, string.Join("; ", decision.Reasons));
        decision.Reasons[0].Code.ShouldBe("ready-to-merge");
        decision.Reasons.Select(r => r.Code).ShouldContain("check-green", "a merge lists what was satisfied");
        decision.Reasons.Select(r => r.Code).ShouldContain(lane == Lane.Human ? "human-approved" : "reviewer-approved");
        if (lane == Lane.Staging)
        {
            decision.Reasons.Select(r => r.Code).ShouldContain("deployment-succeeded");
        }
        decision.HumanActions.ShouldBeEmpty();
    }

    public static TheoryData<Lane, string, GateVerdict, string> Broken() => new()
    {
        // Every lane: CI, the reviewer agent, the branch itself.
        { Lane.Safe, "no-checks", GateVerdict.Wait, "check-missing" },
        { Lane.Staging, "check-pending", GateVerdict.Wait, "check-pending" },
        { Lane.Human, "check-failed", GateVerdict.Reject, "check-failed" },
        { Lane.Safe, "check-error", GateVerdict.Reject, "check-failed" },
        { Lane.Staging, "check-cancelled", GateVerdict.Reject, "check-failed" },
        { Lane.Safe, "check-on-old-head", GateVerdict.Wait, "check-missing" },
        { Lane.Safe, "no-review", GateVerdict.Wait, "reviewer-approval-missing" },
        { Lane.Staging, "review-on-old-head", GateVerdict.Wait, "reviewer-approval-missing" },
        { Lane.Safe, "author-approval-only", GateVerdict.Wait, "reviewer-approval-missing" },
        { Lane.Safe, "unknown-agent-approval", GateVerdict.Wait, "reviewer-approval-missing" },
        { Lane.Staging, "changes-requested", GateVerdict.Reject, "changes-requested" },
        { Lane.Safe, "conflict", GateVerdict.Reject, "merge-conflict" },
        { Lane.Safe, "closed", GateVerdict.Reject, "closed" },
        // Lane A: labels autonomy:safe and size:xs or size:s.
        { Lane.Safe, "no-safe-label", GateVerdict.Hold, "missing-label" },
        { Lane.Safe, "no-size-label", GateVerdict.Hold, "missing-size-label" },
        { Lane.Safe, "size-m-label", GateVerdict.Hold, "missing-size-label" },
        // Lane B: staging deploy success.
        { Lane.Staging, "no-deploy", GateVerdict.Wait, "deployment-missing" },
        { Lane.Staging, "deploy-pending", GateVerdict.Wait, "deployment-pending" },
        { Lane.Staging, "deploy-failed", GateVerdict.Reject, "deployment-failed" },
        { Lane.Staging, "deploy-on-old-head", GateVerdict.Wait, "deployment-missing" },
        { Lane.Staging, "deploy-other-env", GateVerdict.Wait, "deployment-missing" },
        // Lane C: human approval and targeted verification evidence.
        { Lane.Human, "no-human", GateVerdict.Hold, "human-approval-missing" },
        { Lane.Human, "human-on-old-head", GateVerdict.Hold, "human-approval-missing" },
        { Lane.Human, "human-is-pr-author", GateVerdict.Hold, "human-approval-missing" },
        { Lane.Human, "human-without-write", GateVerdict.Hold, "human-approval-missing" },
        { Lane.Human, "human-is-agent-login", GateVerdict.Hold, "human-approval-missing" },
        { Lane.Human, "human-changes-requested", GateVerdict.Hold, "human-changes-requested" },
        { Lane.Human, "no-evidence", GateVerdict.Hold, "verification-evidence-missing" },
        { Lane.Human, "empty-evidence", GateVerdict.Hold, "verification-evidence-missing" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Decide_OneRequirementBroken_GivesItsVerdictAndReason(Lane lane, string breakage, GateVerdict verdict, string code)
    {
        var decision = Decide(Break(Green(lane), breakage), lane);

        decision.Verdict.ShouldBe(verdict, string.Join("; ", decision.Reasons));
        decision.Reasons.Select(r => r.Code).ShouldContain(code);
        (decision.HumanActions.Count > 0).ShouldBe(verdict == GateVerdict.Hold);
    }

    private static PullRequestSnapshot Break(PullRequestSnapshot pr, string breakage) => breakage switch
    {
        "no-checks" => pr with { Checks = [] },
        "check-pending" => pr with { Checks = [new("ci", CheckState.Pending, Head)] },
        "check-failed" => pr with { Checks = [new("ci", CheckState.Failure, Head)] },
        "check-error" => pr with { Checks = [new("ci", CheckState.Error, Head)] },
        "check-cancelled" => pr with { Checks = [new("ci", CheckState.Cancelled, Head)] },
        "check-on-old-head" => pr with { Checks = [new("ci", CheckState.Success, OldHead)] },
        "no-review" => pr with { Reviews = [.. pr.Reviews.Where(r => r.Agent is null)] },
        "review-on-old-head" => pr with { Reviews = [.. pr.Reviews.Select(r => r.Agent is null ? r : r with { CommitSha = OldHead })] },
        "author-approval-only" => pr with { Reviews = [.. pr.Reviews.Where(r => r.Agent is null), AgentReview(Author, ReviewState.Approved)] },
        "unknown-agent-approval" => pr with { Reviews = [.. pr.Reviews.Where(r => r.Agent is null), AgentReview("rogue-agent", ReviewState.Approved)] },
        "changes-requested" => pr with { Reviews = [.. pr.Reviews, AgentReview(Reviewer, ReviewState.ChangesRequested, minute: 5)] },
        "conflict" => pr with { Mergeable = false },
        "closed" => pr with { Open = false },
        "no-safe-label" => pr with { Labels = ["size:xs"] },
        "no-size-label" => pr with { Labels = [Labels.Safe] },
        "size-m-label" => pr with { Labels = [Labels.Safe, "size:m"] },
        "no-deploy" => pr with { Deployments = [] },
        "deploy-pending" => pr with { Deployments = [new("staging", Head, DeploymentState.InProgress, T0)] },
        "deploy-failed" => pr with { Deployments = [new("staging", Head, DeploymentState.Failure, T0)] },
        "deploy-on-old-head" => pr with { Deployments = [new("staging", OldHead, DeploymentState.Success, T0)] },
        "deploy-other-env" => pr with { Deployments = [new("production", Head, DeploymentState.Success, T0)] },
        "no-human" => pr with { Reviews = [.. pr.Reviews.Where(r => r.Agent is not null)] },
        "human-on-old-head" => pr with { Reviews = [.. pr.Reviews.Select(r => r.Agent is null ? r with { CommitSha = OldHead } : r)] },
        "human-is-pr-author" => pr with { Author = Maintainer },
        "human-without-write" => pr with { Reviews = [.. pr.Reviews.Where(r => r.Agent is not null), HumanReview(Reader, ReviewState.Approved)] },
        "human-is-agent-login" => pr with { Reviews = [.. pr.Reviews.Where(r => r.Agent is not null), HumanReview(new Actor(TestConfigs.Qa + "[bot]", Permission.Write), ReviewState.Approved)] },
        "human-changes-requested" => pr with { Reviews = [.. pr.Reviews, HumanReview(Maintainer, ReviewState.ChangesRequested, minute: 9)] },
        "no-evidence" => pr with { Body = "## Summary\nChange." },
        "empty-evidence" => pr with { Body = "## Verification evidence\n\n<!-- how did you verify? -->\n\n## Notes\nnone" },
        _ => throw new ArgumentException(breakage),
    };
}
