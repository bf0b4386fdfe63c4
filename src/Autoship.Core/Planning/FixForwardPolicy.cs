namespace Autoship.Core.Planning;

/// <summary>
/// When a pull request is fixed forward (the next attempt continues on its branch) instead of closed and redone, and
/// what the next attempt is told. Fixable: failing required checks or deployments, the reviewer agent's change
/// request, a write-access human's change request (the only way a held lane-C PR moves without a person editing
/// it), and a conflict with the base that git cannot merge cleanly (the attempt then starts from the current base and
/// redoes the change on the same branch: <see cref="StartsFromBase"/>). Anything else that rejects (the guardrails, a
/// closed PR) is not fixable on the branch.
/// </summary>
public static class FixForwardPolicy
{
    /// <summary>Gate rejections an agent can fix by pushing another commit.</summary>
    public static readonly IReadOnlySet<string> FixableRejects = new HashSet<string>(StringComparer.Ordinal) { "check-failed", "deployment-failed", "changes-requested", "merge-conflict" };

    /// <summary>Rejections no further commit on the branch can fix (with any guardrail violation).</summary>
    public static readonly IReadOnlySet<string> UnfixableRejects = new HashSet<string>(StringComparer.Ordinal) { "already-merged", "closed", "guardrails" };

    public const string HumanChangesRequested = "human-changes-requested";

    /// <summary>The findings for the next attempt, or null when the PR is not to be fixed forward.</summary>
    /// <param name="withinGuardrails">The PR's diff passes its lane's guardrails (a violation is never fixed forward).</param>
    /// <param name="baseSha">The base branch's head, named in a conflict's feedback (the commit the attempt starts from).</param>
    public static IReadOnlyList<FixFeedback>? Feedback(GateDecision gate, bool withinGuardrails, PullRequestSnapshot pr, WorkOrder order, string? baseSha = null)
    {
        var fixable = gate.Verdict switch
        {
            GateVerdict.Reject => withinGuardrails && pr.Open && gate.Reasons.Any(r => FixableRejects.Contains(r.Code)) && !gate.Reasons.Any(r => UnfixableRejects.Contains(r.Code)),
            GateVerdict.Hold => gate.Reasons.Any(r => r.Code == HumanChangesRequested),
            _ => false,
        };
        if (!fixable)
        {
            return null;
        }

        var feedback = new List<FixFeedback>();
        if (gate.Reasons.FirstOrDefault(r => r.Code == "merge-conflict") is { } conflict)
        {
            var onto = baseSha is { Length: > 0 } ? $"{pr.BaseBranch} ({baseSha[..Math.Min(12, baseSha.Length)]})" : pr.BaseBranch;
            var paths = pr.ConflictPaths.Count > 0 ? "conflicting paths: " + string.Join(", ", pr.ConflictPaths) : "the forge did not name the conflicting paths";
            var range = baseSha is { Length: > 0 } ? $"`git log -p {baseSha}..{pr.HeadSha}`" : $"`git show {pr.HeadSha}`";
            feedback.Add(FixFeedback.Of(FixFeedback.Conflict, pr.BaseBranch,
                $"{conflict.Message}\n{paths}.\nThis worktree is the current {onto}, NOT the previous attempt: make the change again on top of it, "
                + $"keeping what {pr.BaseBranch} changed meanwhile. The previous attempt ({pr.HeadSha[..Math.Min(12, pr.HeadSha.Length)]}) is shown by {range}."));
        }

        foreach (var r in gate.Reasons.Where(r => r.Code is "check-failed" or "deployment-failed"))
        {
            var check = pr.Checks.LastOrDefault(c => c.Sha == pr.HeadSha && !c.IsGreen && c.IsFinished && r.Message.Contains(c.Name, StringComparison.Ordinal));
            var log = check?.Description is { Length: > 0 } d && !r.Message.Contains(d, StringComparison.Ordinal) ? "\n" + d : string.Empty;
            var url = check?.Url is { Length: > 0 } u ? $"\n(log: {u})" : string.Empty;
            feedback.Add(FixFeedback.Of(FixFeedback.Ci, check?.Name ?? "ci", r.Message + log + url) with { Url = check?.Url });
        }

        var onHead = pr.Reviews.Where(v => v.CommitSha == pr.HeadSha && v.State == ReviewState.ChangesRequested).ToList();
        foreach (var v in onHead.Where(v => v.Agent == order.Reviewer))
        {
            feedback.Add(FixFeedback.Of(FixFeedback.Reviewer, v.Agent!, v.Body.Length > 0 ? v.Body : "requested changes"));
        }

        if (gate.Reasons.Any(r => r.Code == HumanChangesRequested))
        {
            // The gate already decided which of these reviewers count as humans with write access; the rest are ignored.
            var named = gate.Reasons.Where(r => r.Code == HumanChangesRequested).Select(r => r.Message).ToList();
            foreach (var v in onHead.Where(v => v.Agent is null && v.Reviewer.CanWrite && named.Any(m => m.StartsWith(v.Reviewer.Login + " ", StringComparison.Ordinal))))
            {
                feedback.Add(FixFeedback.Of(FixFeedback.Human, v.Reviewer.Login, v.Body.Length > 0 ? v.Body : "requested changes"));
            }
        }

        return feedback.Count > 0 ? feedback : null;
    }

    /// <summary>A conflict's attempt starts from the base's head (the branch cannot be merged), every other one from the PR's head.</summary>
    public static bool StartsFromBase(IReadOnlyList<FixFeedback> feedback) => feedback.Any(f => f.Source == FixFeedback.Conflict);

    /// <summary>The next attempt's work order: same branch and rules, the next attempt number, a fresh deadline, the findings.</summary>
    public static WorkOrder Next(WorkOrder order, IReadOnlyList<FixFeedback> feedback, DateTimeOffset now) =>
        order with { Attempt = order.Attempt + 1, IssuedAt = now, Deadline = now + (order.Deadline - order.IssuedAt), Feedback = feedback };
}
