using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>The merge gate: for a pull request and its lane, merge, wait, hold or reject — always with reasons.</summary>
public static partial class MergeGate
{
    /// <summary>
    /// Decides on the PR's current head only: reviews, checks and deployments of other commits are ignored, and each
    /// reviewer's latest review counts. Reject beats hold, hold beats wait, wait beats merge; all reasons are listed.
    /// Lane C never merges without a human approval, no lane merges while a required check is not green, and the
    /// author agent's own approval never counts. When a check name is reported more than once on the head, the worst
    /// state wins.
    /// </summary>
    public static GateDecision Decide(GateInput input)
    {
        var pr = input.PullRequest;
        var lane = input.Classification.Lane;
        var policy = input.Config.Lane(lane);
        var findings = new GateFindings();

        CheckPullRequest(pr, findings);
        CheckGuardrails(input.Classification, findings);
        CheckChecks(pr, policy, input.Config, findings);
        var agentApprovals = CheckAgentReviews(input, policy, findings);
        CheckDeployment(pr, policy, findings);
        CheckLabels(pr, policy, findings);
        var humanApproved = CheckHumanApproval(input, policy, findings);
        CheckEvidence(pr, policy, findings);
        CheckControls(input, policy, findings);

        // Whatever the configuration says, a change reviewed by nobody but its author never merges. (When the lane
        // asks for a reviewer agent or a human, their own reasons already say so.)
        var asksForApproval = policy.ReviewerApprovals > 0 || policy.HumanApproval || lane == Lane.Human;
        if (agentApprovals == 0 && !humanApproved && !asksForApproval)
        {
            findings.Wait("no-approval", $"nobody other than the author has approved head {Short(pr.HeadSha)}");
        }

        var ready = $"every requirement of lane {lane.Letter()} ({lane.Name()}) is met at head {Short(pr.HeadSha)}";
        return findings.ToDecision(lane, ready);
    }

    private static void CheckPullRequest(PullRequestSnapshot pr, GateFindings findings)
    {
        if (pr.Merged)
        {
            findings.Reject("already-merged", $"pull request #{pr.Number} is already merged");
        }
        else if (!pr.Open)
        {
            findings.Reject("closed", $"pull request #{pr.Number} is closed");
        }

        if (pr.Mergeable == false)
        {
            var where = pr.ConflictPaths.Count > 0 ? " in " + string.Join(", ", pr.ConflictPaths.Take(10)) + (pr.ConflictPaths.Count > 10 ? $" and {pr.ConflictPaths.Count - 10} more" : string.Empty) : string.Empty;
            findings.Reject("merge-conflict", $"the branch conflicts with {pr.BaseBranch}{where}; git cannot merge it cleanly, so the author redoes it on the current {pr.BaseBranch}");
        }
    }

    private static void CheckGuardrails(Classification classification, GateFindings findings)
    {
        if (classification.Allowed)
        {
            return;
        }

        foreach (var violation in classification.Guardrails.Violations)
        {
            findings.Reject(violation);
        }

        if (classification.Guardrails.Violations.Count == 0)
        {
            findings.Reject("guardrails", "the change is outside the guardrails of its lane");
        }
    }

    private static void CheckControls(GateInput input, LanePolicy policy, GateFindings findings)
    {
        var lane = policy.Lane;
        if (!policy.AutoMerge)
        {
            findings.Hold("no-auto-merge", $"lane {lane.Letter()} ({lane.Name()}) is configured not to merge automatically",
                "A maintainer merges the pull request by hand once satisfied.");
        }

        if (input.KillSwitch || input.Config.Loop.KillSwitch)
        {
            findings.Wait("kill-switch", "the kill switch is on: Autoship merges nothing until it is turned off");
        }

        if (input.PausedLanes.Contains(lane) || input.Config.Loop.PausedLanes.Contains(lane))
        {
            findings.Wait("lane-paused", $"lane {lane.Letter()} ({lane.Name()}) is paused: nothing in it merges until it is resumed");
        }
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
