using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>
    /// The owned paths of the work orders in flight: claimed items whose agent has not opened its PR yet (their
    /// area's paths). The dispatch step adds each work order it starts, so one pass never starts two on the same paths.
    /// </summary>
    private static List<(int Issue, string? Area, IReadOnlyList<string> Paths)> InFlightPaths(PlanContext context, AutoshipConfig config) =>
        context.Input.Snapshot.Issues
            .Where(i => i.Open && i.HasLabel(Labels.Claimed) && context.Active.ContainsKey(i.Number))
            .Where(i => context.Input.Memories.GetValueOrDefault(i.Number) is not { Phase: not ItemPhase.Claimed })
            .Select(i => (i.Number, AreaOf(i), PathClaims.Owned(config, AreaOf(i))))
            .ToList();

    private static string? AreaOf(IssueSnapshot issue)
    {
        var areas = issue.Labels.Where(Labels.IsArea).ToList();
        return areas.Count == 1 ? Labels.AreaName(areas[0]) : null;
    }
}
