using Autoship.Core.Config;

namespace Autoship.Core;

public static partial class MergeGate
{
    /// <summary>Counts reviewer-agent approvals on the head; returns how many distinct agents approved.</summary>
    private static int CheckAgentReviews(GateInput input, LanePolicy policy, GateFindings findings)
    {
        var pr = input.PullRequest;
        bool IsReviewerAgent(ReviewSnapshot r) =>
            r.Agent is not null
            && !string.Equals(r.Agent, input.AuthorAgent, StringComparison.OrdinalIgnoreCase)
            && input.Config.Agent(r.Agent) is { Reviews: true };

        var latest = LatestOnHead(pr).Where(IsReviewerAgent).ToList();
        foreach (var r in latest.Where(r => r.State == ReviewState.ChangesRequested))
        {
            findings.Reject("changes-requested", $"reviewer agent {r.Agent} requested changes on head {Short(pr.HeadSha)}");
        }

        var approvals = latest.Count(r => r.State == ReviewState.Approved);
        if (approvals >= policy.ReviewerApprovals)
        {
            foreach (var r in latest.Where(r => r.State == ReviewState.Approved))
            {
                findings.Met("reviewer-approved", $"reviewer agent {r.Agent} (not the author {input.AuthorAgent}) approved head {Short(pr.HeadSha)}");
            }

            return approvals;
        }

        var needed = policy.ReviewerApprovals == 1 ? "a reviewer agent's approval" : $"{policy.ReviewerApprovals} reviewer-agent approvals";
        string message;
        if (pr.Reviews.Any(r => r.CommitSha != pr.HeadSha && r.State == ReviewState.Approved && IsReviewerAgent(r)))
        {
            message = $"the approval was for an older commit; head {Short(pr.HeadSha)} still needs {needed}";
        }
        else if (pr.Reviews.Any(r => r.State == ReviewState.Approved && string.Equals(r.Agent, input.AuthorAgent, StringComparison.OrdinalIgnoreCase)))
        {
            message = $"only the author agent {input.AuthorAgent} approved, and an author's own approval never counts; waiting for {needed}";
        }
        else
        {
            message = $"waiting for {needed} on head {Short(pr.HeadSha)} (from an agent other than the author {input.AuthorAgent})";
        }

        findings.Wait("reviewer-approval-missing", message);
        return approvals;
    }

    /// <summary>Checks the human approval that lane C (or any lane configured so) needs; true when there is one.</summary>
    private static bool CheckHumanApproval(GateInput input, LanePolicy policy, GateFindings findings)
    {
        var pr = input.PullRequest;
        // No harness identity is a human: agent logins, Autoship's own logins and any bot account.
        var agentLogins = input.Config.Agents.Select(a => a.Login).OfType<string>().Concat(input.HarnessLogins).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var approvers = policy.Approvers.Select(a => a.TrimStart('@')).ToList();
        bool IsHuman(ReviewSnapshot r) =>
            r.Agent is null
            && r.Reviewer.CanWrite
            && !agentLogins.Contains(r.Reviewer.Login)
            && !r.Reviewer.Login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(r.Reviewer.Login, pr.Author.Login, StringComparison.OrdinalIgnoreCase)
            && (approvers.Count == 0 || approvers.Contains(r.Reviewer.Login, StringComparer.OrdinalIgnoreCase));

        var latest = LatestOnHead(pr).Where(IsHuman).ToList();
        foreach (var r in latest.Where(r => r.State == ReviewState.ChangesRequested))
        {
            findings.Hold("human-changes-requested", $"{r.Reviewer.Login} requested changes on head {Short(pr.HeadSha)}",
                $"{r.Reviewer.Login} re-reviews once the requested changes are made, or dismisses the review.");
        }

        var approved = latest.Any(r => r.State == ReviewState.Approved);
        foreach (var r in latest.Where(r => r.State == ReviewState.Approved))
        {
            findings.Met("human-approved", $"{r.Reviewer.Login} ({r.Reviewer.Permission.ToString().ToLowerInvariant()} access) approved head {Short(pr.HeadSha)}");
        }

        // Lane C is human-gated by definition, whatever the configuration says.
        if (approved || !(policy.HumanApproval || policy.Lane == Lane.Human))
        {
            return approved;
        }

        var who = approvers.Count == 0
            ? "a maintainer with write access who is not the author"
            : $"one of {string.Join(", ", approvers)}";
        var older = pr.Reviews.Any(r => r.CommitSha != pr.HeadSha && r.State == ReviewState.Approved && IsHuman(r));
        findings.Hold("human-approval-missing",
            older
                ? $"the human approval was for an older commit; lane {policy.Lane.Letter()} needs a human approval of head {Short(pr.HeadSha)}"
                : $"lane {policy.Lane.Letter()} ({policy.Lane.Name()}) needs a human approval of head {Short(pr.HeadSha)}",
            $"{Capitalize(who)} reviews and approves the pull request at commit {Short(pr.HeadSha)}.");
        return false;
    }

    /// <summary>Each reviewer's latest decisive review on the head commit (comments neither approve nor revoke).</summary>
    private static IEnumerable<ReviewSnapshot> LatestOnHead(PullRequestSnapshot pr) =>
        pr.Reviews
            .Where(r => r.CommitSha == pr.HeadSha && r.State != ReviewState.Commented)
            .GroupBy(r => r.Agent is null ? "user:" + r.Reviewer.Login.ToLowerInvariant() : "agent:" + r.Agent.ToLowerInvariant())
            .Select(g => g.OrderBy(r => r.SubmittedAt).Last());

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
