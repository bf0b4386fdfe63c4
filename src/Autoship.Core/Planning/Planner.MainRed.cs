using Autoship.Core.Config;
using Autoship.Core.Queue;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>
    /// A red main gets its one issue (filed once: the observed open one with the marker means it exists), and a green
    /// main closes it unless its fix is still under way (an open PR), which then merges and closes it itself.
    /// </summary>
    private static void PlanMainHealth(PlanContext context, AutoshipConfig config, IReadOnlyList<Reason> red)
    {
        var snapshot = context.Input.Snapshot;
        var filed = snapshot.Issues.FirstOrDefault(i => i.Open && MainRedIssue.Is(i));
        if (red.Count > 0 && filed is null)
        {
            var failing = snapshot.DefaultBranchChecks
                .Where(c => string.Equals(c.Sha, snapshot.DefaultBranchSha, StringComparison.OrdinalIgnoreCase) && c.State is CheckState.Failure or CheckState.Error
                            && (config.Validation.RequiredChecks.Count == 0 || config.Validation.RequiredChecks.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
                .ToList();
            context.Actions.Add(new ReportMainRed(snapshot.DefaultBranch, snapshot.DefaultBranchSha, failing, red));
        }
        else if (red.Count == 0 && filed is not null && !snapshot.PullRequests.Any(p => p.Open && BranchNames.IssueOf(p.HeadBranch) == filed.Number))
        {
            context.Actions.Add(new CloseMainRed(filed.Number, Because.One("main-green", $"{snapshot.DefaultBranch} is green again at {Short(snapshot.DefaultBranchSha)}")));
        }
    }
}
