using Autoship.Core.Config;
using Autoship.Core.Dashboard;
using Autoship.Core.Planning;
using Autoship.Forge;
using Microsoft.Extensions.Logging;

namespace Autoship.Engine.Reconcile;

public sealed partial class Reconciler
{
    /// <summary>
    /// The dashboard issue is a report, not part of the work: a forge that refuses or fails its write is a warning, and
    /// the tick's actions (already applied) stand; the next tick tries again.
    /// </summary>
    private async Task ReportDashboardAsync(Plan? last, AutoshipConfig? config, CancellationToken cancellationToken)
    {
        try
        {
            if (await UpdateDashboardAsync(last, config, cancellationToken) is { } dashboard)
            {
                logger.LogInformation("{Repo}: {Dashboard}", forge.Name, dashboard);
            }
        }
        catch (Exception e) when (e is ForgeException or HttpRequestException or Octokit.ApiException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Repo}: the dashboard issue was not updated ({Reason}); the next tick tries again", forge.Name, e.Message);
        }
    }

    /// <summary>
    /// Keeps the dashboard issue (<c>loop.dashboardIssue</c>) in step with the tick's last plan: one read, and a write only when
    /// the body changed. A person who closed it keeps it closed (no write, never a second issue); reopening it resumes the updates.
    /// Returns what it did, for the tick's notices; null when it wrote nothing.
    /// </summary>
    private async Task<string?> UpdateDashboardAsync(Plan? last, AutoshipConfig? lastConfig, CancellationToken cancellationToken)
    {
        var config = options.ConfigOverride ?? lastConfig;
        if (last is null || config is not { Loop.DashboardIssue: true })
        {
            return null;
        }

        var input = new DashboardInput(config.Loop, await store.GetControlsAsync(forge.Name, cancellationToken), last.Notices, last.Items, last.Health,
            await SpendGuard.UnavailableAgentsAsync(store, forge.Name, config, clock.GetUtcNow(), cancellationToken));
        var body = DashboardIssue.Body(input);
        var found = await forge.FindMarkedIssueAsync(DashboardIssue.Marker, DashboardIssue.Label, cancellationToken);
        if (found is { Open: false } || (found is not null && found.Body == body && found.Title == DashboardIssue.Title))
        {
            return null;
        }

        var number = await forge.UpsertMarkedIssueAsync(DashboardIssue.Marker, DashboardIssue.Title, body, [DashboardIssue.Label], cancellationToken);
        return found is null ? $"opened the dashboard issue #{number}" : $"updated the dashboard issue #{number}";
    }
}
