using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Health;
using Autoship.Engine.Store;

namespace Autoship.Engine.Reconcile;

public sealed partial class Reconciler
{
    private static readonly HttpClient SharedAlertClient = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The author runs of the last week, for the queue-health alerts (last handoff, failing agents).</summary>
    private async Task<IReadOnlyList<RunSummary>> RecentRunsAsync(CancellationToken cancellationToken) =>
        (await store.ListRunsAsync(forge.Name, null, clock.GetUtcNow().AddDays(-7), cancellationToken))
            .Where(r => r.Run.Role == Agents.AgentRole.Author)
            .Select(r => new RunSummary(r.Run.Agent, r.Run.Issue, r.Run.StartedAt, r.Run.EndedAt, RunOutcomes.Classify(r.Outcome)))
            .ToList();

    private async Task<IReadOnlyList<QueueAlert>> NotifyHealthAsync(Plan? last, AutoshipConfig? lastConfig, CancellationToken cancellationToken)
    {
        var config = options.ConfigOverride ?? lastConfig;
        if (last is null || config is null)
        {
            return [];
        }

        var notifier = new QueueAlertNotifier(forge, store, options.AlertClient ?? SharedAlertClient, logger);
        return await notifier.NotifyAsync(config.Queue, last.Health, clock.GetUtcNow(), cancellationToken);
    }
}
