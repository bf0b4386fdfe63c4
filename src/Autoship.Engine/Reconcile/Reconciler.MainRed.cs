using Autoship.Core.Planning;
using Autoship.Core.Queue;

namespace Autoship.Engine.Reconcile;

public sealed partial class Reconciler
{
    /// <summary>Files (or reopens and updates) the one red-main issue, with each failing check's log tail when it can be read.</summary>
    private async Task<ActionResult> ReportMainRedAsync(ReportMainRed red, CancellationToken cancellationToken)
    {
        var tails = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var check in red.Failing)
        {
            if (await CiLogTail.ReadAsync(check.Url, cancellationToken) is { Length: > 0 } tail)
            {
                tails[check.Name] = tail;
            }
        }

        var number = await forge.UpsertMarkedIssueAsync(MainRedIssue.Marker, MainRedIssue.Title(red.Branch), MainRedIssue.Body(red.Branch, red.Sha, red.Reasons, tails),
            MainRedIssue.Labels, cancellationToken);
        return Done(red, message: $"{red.Describe()}: issue #{number}");
    }

    private async Task<ActionResult> CloseMainRedAsync(CloseMainRed green, CancellationToken cancellationToken)
    {
        if (await forge.GetIssueAsync(green.Issue, cancellationToken) is { Open: true })
        {
            await forge.UpsertCommentAsync(green.Issue, MainRedIssue.Marker, string.Join("\n", green.Reasons.Select(r => r.Message)) + ": closing.", cancellationToken);
            await forge.CloseIssueAsync(green.Issue, cancellationToken);
        }

        return Done(green);
    }
}
