using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>The candidates in dispatch order, each with its place and the queue's length.</summary>
    private static IEnumerable<(QueuePlace Place, int Total, (IssueSnapshot Issue, TriageDecision Triage, ItemMemory Memory) Candidate)> Ordered(
        PlanContext context, AutoshipConfig config, List<(IssueSnapshot Issue, TriageDecision Triage, ItemMemory Memory)> candidates)
    {
        var byNumber = candidates.ToDictionary(c => c.Issue.Number);
        var places = DispatchOrder.Sort(candidates.Select(c => Entry(c.Issue, config)), config.Queue, context.Input.Now);
        return places.Select(p => (p, places.Count, byNumber[p.Entry.Number]));
    }

    /// <summary>What orders an issue: its trusted priority, the lane its labels start in, and when it was last made ready.</summary>
    public static QueueEntry Entry(IssueSnapshot issue, AutoshipConfig config)
    {
        var priority = Priority.Of(issue, config.Queue);
        var lane = LaneClassifier.LaneOf(issue.Labels, config);
        return new QueueEntry(issue.Number, priority.Rank, priority.Short, lane, issue.LastAppliedAt(Labels.Ready) ?? issue.UpdatedAt);
    }

    /// <summary>Work in flight per area (claimed or with an open PR), from the observed issues' area labels.</summary>
    private static Dictionary<string, int> ActiveAreas(PlanContext context)
    {
        var issues = context.Input.Snapshot.Issues.ToDictionary(i => i.Number);
        return context.Active.Keys
            .Select(n => issues.TryGetValue(n, out var issue) ? issue.Labels.Where(Labels.IsArea).Select(Labels.AreaName).FirstOrDefault() : null)
            .Where(a => a is not null)
            .GroupBy(a => a!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
    }

    private static Reason? AreaCap(AutoshipConfig config, string area, Dictionary<string, int> perArea, SharedReasons shared) =>
        config.Queue.MaxPerArea > 0 && perArea.GetValueOrDefault(area) >= config.Queue.MaxPerArea
            ? shared.Get("area-cap", area, (area, config.Queue.MaxPerArea), static s => $"area:{s.area} already has {Plural.Of(s.MaxPerArea, "work order")} in flight (queue.maxPerArea), so other areas get the free slots")
            : null;

    /// <summary>Dependency problems a person must fix (a cycle, a not-planned blocker) are written on the issue once; plain waiting is not.</summary>
    private static ItemDecision WaitForDependencies(ItemDecision decision, ItemMemory memory, DependencyStatus deps)
    {
        var problems = deps.Reasons.Where(r => r.Code is "dependency-cycle" or "blocker-not-planned").ToList();
        return problems.Count == 0 || memory.Phase == ItemPhase.Released
            ? decision
            : decision.Remember(memory, memory with { Phase = ItemPhase.Queued, Reasons = problems }, "waiting for its dependencies");
    }

    private static IReadOnlyList<string> DependencyActions(DependencyStatus deps) =>
        deps.Reasons.Select(r => r.Code switch
        {
            "dependency-cycle" => "break the dependency cycle: remove one 'Blocked by' link or line",
            "blocker-not-planned" => "a blocker was closed as not planned: remove that dependency, or reopen the blocker",
            _ => null,
        }).Where(a => a is not null).Select(a => a!).Distinct().ToList();
}
