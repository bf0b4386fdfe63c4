using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>
/// What a good lead notices about the queue itself, from one pass's items and the recent agent runs: a stalled
/// handoff (ready work but no new pull request for <see cref="QueueSettings.StalledHandoffAfter"/>), pull requests
/// waiting on a human too long, an agent whose recent attempts mostly fail, and claims older than their deadline.
/// Every alert has one of <see cref="Codes"/> and the subject it is about, so a notification is sent once per new alert.
/// </summary>
public static class QueueHealth
{
    public const string StalledHandoff = "stalled-handoff";
    public const string HumanWait = "human-wait";
    public const string AgentFailing = "agent-failing";
    public const string ClaimOverdue = "claim-overdue";

    public static IReadOnlyList<string> Codes { get; } = [StalledHandoff, HumanWait, AgentFailing, ClaimOverdue];

    public static IReadOnlyList<QueueAlert> Evaluate(
        PlanInput input, AutoshipConfig config, IReadOnlyList<ItemView> items, IReadOnlyList<QueueEntry> waiting, bool dispatched)
    {
        var alerts = new List<QueueAlert>();
        var now = input.Now;
        var queue = config.Queue;
        if (!dispatched && waiting.Count > 0)
        {
            var lastHandoff = input.RecentRuns.Where(r => r.Outcome == RunOutcome.Succeeded).Select(r => (DateTimeOffset?)r.EndedAt).Max();
            var oldest = waiting.Min(w => w.WaitingSince);
            var since = lastHandoff is { } h && h > oldest ? h : oldest;
            if (now - since > queue.StalledHandoffAfter)
            {
                var last = lastHandoff is { } l ? $"the last pull request was opened {DispatchOrder.Waited(now - l)} ago" : "no pull request was opened since";
                alerts.Add(new(StalledHandoff, "queue",
                    $"stalled handoff: {Plural.Of(waiting.Count, "ready item")} {(waiting.Count == 1 ? "waits" : "wait")} (oldest #{waiting.MinBy(w => w.WaitingSince)!.Number}, {DispatchOrder.Waited(now - oldest)}) and {last} " +
                    $"(queue.stalledHandoffAfter {Durations.Format(queue.StalledHandoffAfter)}): read the queued items' reasons (slots, agents, paused lanes, dependencies)"));
            }
        }

        var pulls = input.Snapshot.PullRequests.Where(p => p.Open).ToDictionary(p => p.Number);
        foreach (var item in items.Where(i => i.Phase == ItemPhase.Held && i.PullRequest is { } n && pulls.ContainsKey(n)))
        {
            var pr = pulls[item.PullRequest!.Value];
            if (now - pr.UpdatedAt > queue.HumanWaitAfter)
            {
                alerts.Add(new(HumanWait, $"#{pr.Number}", $"PR #{pr.Number} (#{item.Issue}) has waited on a human for {DispatchOrder.Waited(now - pr.UpdatedAt)} " +
                    $"(queue.humanWaitAfter {Durations.Format(queue.HumanWaitAfter)}): {item.Reasons.FirstOrDefault()?.Message ?? "it needs a person"}"));
            }
        }

        foreach (var group in input.RecentRuns.Where(r => r.Outcome != RunOutcome.Cancelled).GroupBy(r => r.Agent, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var recent = group.OrderByDescending(r => r.EndedAt).Take(queue.FailingAgentWindow).ToList();
            var failed = recent.Count(r => r.Outcome == RunOutcome.Failed);
            if (recent.Count >= queue.FailingAgentWindow && failed * 100 >= queue.FailingAgentPercent * recent.Count)
            {
                alerts.Add(new(AgentFailing, group.Key, $"{group.Key} failed {failed} of its last {Plural.Of(recent.Count, "attempt")} (queue.failingAgentPercent {queue.FailingAgentPercent}%): check its logs, model and credentials"));
            }
        }

        foreach (var issue in input.Snapshot.Issues.Where(i => i.HasLabel(Labels.Claimed)).OrderBy(i => i.Number))
        {
            var memory = input.Memories.GetValueOrDefault(issue.Number);
            if ((memory?.ClaimedAt ?? issue.LastAppliedAt(Labels.Claimed)) is { } claimedAt && now - claimedAt > config.Loop.ClaimTimeout
                && !input.Snapshot.PullRequests.Any(p => p.Open && BranchNames.IssueOf(p.HeadBranch) == issue.Number))
            {
                alerts.Add(new(ClaimOverdue, $"#{issue.Number}", $"the claim on #{issue.Number} by {memory?.Agent ?? "an unknown agent"} is {DispatchOrder.Waited(now - claimedAt)} old with no PR, " +
                    $"past its {Durations.Format(config.Loop.ClaimTimeout)} deadline (loop.claimTimeout)"));
            }
        }

        return alerts;
    }
}
