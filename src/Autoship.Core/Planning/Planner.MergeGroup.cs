using Autoship.Core.Queue;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>
    /// GitHub's merge queue tests a <c>merge_group</c> commit (the base with this PR and those ahead of it) and requires
    /// the same checks there as on the PR; a queue that requires <c>autoship/gate</c> would stall unless Autoship reports
    /// the PR's gate decision on that commit too. A decision that is no longer "merge" fails it, and the queue drops the PR.
    /// </summary>
    private static PublishGate? MergeGroupGate(int issue, PullRequestSnapshot pr, GateDecision gate)
    {
        if (pr.ForgeQueue is not { GroupSha: { Length: > 0 } group })
        {
            return null;
        }

        var published = pr.Checks.LastOrDefault(c => c.Name == GateContext && string.Equals(c.Sha, group, StringComparison.OrdinalIgnoreCase));
        return published?.State == StatusOf(gate.Verdict) && published.Description == gate.Summary ? null : new PublishGate(issue, pr.Number, group, gate);
    }

    /// <summary>A PR the gate would merge that is already in the forge's merge queue: it waits there, not enqueued again.</summary>
    private static ItemDecision InForgeQueue(ItemDecision decision, ForgeQueueEntry entry)
    {
        var where = entry.GroupSha is { Length: > 0 } g
            ? $"in GitHub's merge queue at position {entry.Position} ({entry.State.ToLowerInvariant()}); its merge_group commit {Short(g)} is being tested"
            : $"waiting in GitHub's merge queue at position {entry.Position} ({entry.State.ToLowerInvariant()})";
        return decision with { Verdict = GateVerdict.Wait, Reasons = [new Reason("merge-queue", where), .. decision.Reasons] };
    }
}
