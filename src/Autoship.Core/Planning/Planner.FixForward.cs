using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>
    /// A red check, a reviewer agent's or a write-access human's change request: the next attempt continues on the
    /// PR's branch with what went wrong in its prompt (issue 14 item 7), instead of closing the PR and starting over.
    /// Attempts still count: the last one blocks as before (the caller's reject path). Null when not fixed forward.
    /// </summary>
    private static ItemPhase? PlanFixForward(PlanContext context, AutoshipConfig config, IssueSnapshot issue, ItemMemory memory, PullRequestSnapshot pr, WorkOrder order, GateDecision gate, bool withinGuardrails)
    {
        if (order.Attempt >= config.Loop.MaxAttempts || FixForwardPolicy.Feedback(gate, withinGuardrails, pr, order) is not { } feedback)
        {
            return null;
        }

        var input = context.Input;
        var remembered = memory with { Attempt = order.Attempt, Agent = order.Owner, Reviewer = order.Reviewer, Lane = gate.Lane, Reasons = gate.Reasons };
        if (memory.RetryAfter is { } retryAfter && retryAfter > input.Now)
        {
            context.Remember(issue, memory, remembered with { Phase = ItemPhase.PullRequest }, $"PR #{pr.Number}: attempt {order.Attempt + 1} fixes it forward after {retryAfter:yyyy-MM-dd HH:mm} UTC", [], pr.Number);
            return ItemPhase.PullRequest;
        }

        if (input.UnavailableAgents.ContainsKey(order.Owner) || input.Controls.KillSwitch || config.Loop.KillSwitch)
        {
            return ItemPhase.PullRequest;
        }

        var next = FixForwardPolicy.Next(order, feedback, input.Now);
        var why = new List<Reason>
        {
            new("fix-forward", $"attempt {next.Attempt} of {config.Loop.MaxAttempts} continues on {order.Branch} with {feedback.Count} finding(s): {string.Join(", ", feedback.Select(f => f.Source).Distinct())}"),
        };
        context.Actions.Add(new StartAttempt(next, Resume: false, [.. why, .. gate.Reasons]) { PullRequest = pr.Number, ContinueFrom = pr.HeadSha });
        context.Active[issue.Number] = order.Owner;
        return ItemPhase.Claimed;
    }
}
