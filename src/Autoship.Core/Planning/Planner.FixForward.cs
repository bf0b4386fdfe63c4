using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>
    /// A red check, a reviewer agent's or a write-access human's change request: the next attempt continues on the
    /// PR's branch with what went wrong in its prompt (issue 14 item 7), instead of closing the PR and starting over.
    /// Attempts still count: the last one blocks as before (the caller's reject path). Null when not fixed forward.
    /// </summary>
    private static ItemDecision? FixForward(PlanContext context, AutoshipConfig config, ItemDecision decision, ItemMemory memory, ItemMemory worked,
        PullRequestSnapshot pr, WorkOrder order, GateDecision gate, bool withinGuardrails)
    {
        if (order.Attempt >= config.Loop.MaxAttempts || FixForwardPolicy.Feedback(gate, withinGuardrails, pr, order, context.Input.Snapshot.DefaultBranchSha) is not { } feedback)
        {
            return null;
        }

        var input = context.Input;
        var waiting = decision with { Phase = ItemPhase.PullRequest };
        if (memory.RetryAfter is { } retryAfter && retryAfter > input.Now)
        {
            return waiting.Remember(memory, worked with { Phase = ItemPhase.PullRequest, Reasons = gate.Reasons },
                $"PR #{pr.Number}: attempt {order.Attempt + 1} fixes it forward after {retryAfter:yyyy-MM-dd HH:mm} UTC", []);
        }

        if (input.UnavailableAgents.TryGetValue(order.Owner, out var unavailable) || input.Controls.KillSwitch || config.Loop.KillSwitch)
        {
            return waiting with { Reasons = [.. gate.Reasons, unavailable ?? new Reason("kill-switch", "the kill switch is on: no agent starts")] };
        }

        var next = FixForwardPolicy.Next(order, feedback, input.Now);
        var why = new Reason("fix-forward",
            $"attempt {next.Attempt} of {config.Loop.MaxAttempts} continues on {order.Branch} with {feedback.Count} {(feedback.Count == 1 ? "finding" : "findings")}: {string.Join(", ", feedback.Select(f => f.Source).Distinct())}");
        context.Active[decision.Issue.Number] = order.Owner;
        // A conflict git cannot merge is redone on the current base (same branch, same PR), not continued from the head.
        var from = FixForwardPolicy.StartsFromBase(feedback) && input.Snapshot.DefaultBranchSha.Length > 0 ? input.Snapshot.DefaultBranchSha : pr.HeadSha;
        return (decision with { Phase = ItemPhase.Claimed, Reasons = [why, .. gate.Reasons] })
            .Act(new StartAttempt(next, Resume: false, [why, .. gate.Reasons]) { PullRequest = pr.Number, ContinueFrom = from, CommentsSince = order.IssuedAt });
    }
}
