using System.Diagnostics.Metrics;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;

namespace Autoship.Engine.Telemetry;

/// <summary>
/// The <c>Autoship</c> meter: ticks, forge requests, items per phase, merges and holds per lane, agent runs.
/// Recorded from each <see cref="TickReport"/> by whoever runs the loop, so the reconciler itself needs no hooks.
/// </summary>
public sealed class AutoshipMetrics : IDisposable
{
    public const string MeterName = "Autoship";

    private readonly Meter meter;
    private readonly Counter<long> ticks;
    private readonly Histogram<double> tickDuration;
    private readonly Counter<long> forgeRequests;
    private readonly Counter<long> actions;
    private readonly Counter<long> merges;
    private readonly Counter<long> holds;
    private readonly Counter<long> agentRuns;
    private readonly Histogram<double> agentRunDuration;
    private readonly Counter<long> webhooks;
    private readonly Counter<long> alertsNotified;
    private readonly Lock gate = new();
    // The gauges' last values per repository ("" when the caller names none: one repository per process).
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> itemsPerPhase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> rateLimitRemaining = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> alertsPerCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> queueWaiting = new(StringComparer.Ordinal);

    public AutoshipMetrics(IMeterFactory? factory = null)
    {
        meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        ticks = meter.CreateCounter<long>("autoship.ticks", "{tick}", "Reconciler ticks, by outcome.");
        tickDuration = meter.CreateHistogram<double>("autoship.tick.duration", "s", "How long one tick took.");
        forgeRequests = meter.CreateCounter<long>("autoship.forge.requests", "{request}", "Requests the ticks made to the forge.");
        actions = meter.CreateCounter<long>("autoship.actions", "{action}", "Actions applied, by kind and outcome.");
        merges = meter.CreateCounter<long>("autoship.merges", "{merge}", "Pull requests merged, by lane.");
        holds = meter.CreateCounter<long>("autoship.holds", "{hold}", "Pull requests held for a human when a tick ended, by lane.");
        agentRuns = meter.CreateCounter<long>("autoship.agent.runs", "{run}", "Agent runs, by agent, role and outcome.");
        agentRunDuration = meter.CreateHistogram<double>("autoship.agent.run.duration", "s", "How long one agent run took.");
        webhooks = meter.CreateCounter<long>("autoship.webhooks", "{delivery}", "Webhook deliveries, by event and result.");
        meter.CreateObservableGauge("autoship.items", ObserveItems, "{item}", "Observed items, by phase.");
        alertsNotified = meter.CreateCounter<long>("autoship.queue.alerts.notified", "{alert}", "Queue-health alerts notified (webhook, issue comment) when they started, by code.");
        meter.CreateObservableGauge("autoship.queue.alerts", ObserveAlerts, "{alert}", "Active queue-health alerts, by code (stalled-handoff, human-wait, agent-failing, claim-overdue).");
        meter.CreateObservableGauge("autoship.queue.waiting", ObserveWaiting, "{item}", "Ready items with a place in the dispatch queue.");
        meter.CreateObservableGauge("autoship.forge.rate_limit.remaining", ObserveRateLimit, "{request}", "Forge API requests left in the rate limit.");
    }

    /// <summary>
    /// Counts one finished tick and refreshes the gauges from what it saw. <paramref name="repo"/> (the forge's name)
    /// labels every series when a server runs several repositories; null leaves the label off.
    /// </summary>
    public void RecordTick(TickReport report, string? repo = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ticks.Add(1, Tags(repo, ("outcome", report.Outcome.Wire())));
        tickDuration.Record(report.Duration.TotalSeconds, Tags(repo));
        forgeRequests.Add(report.Requests, Tags(repo));
        foreach (var action in report.Actions)
        {
            actions.Add(1, Tags(repo, ("kind", action.Action.Kind), ("outcome", action.Outcome.Wire())));
            if (action.Action is MergePullRequest && action.Outcome == ActionOutcome.Ok)
            {
                merges.Add(1, Tags(repo, ("lane", LaneOf(report, action.Action.Issue))));
            }
        }

        foreach (var held in report.Items.Where(i => i.Phase == ItemPhase.Held))
        {
            holds.Add(1, Tags(repo, ("lane", held.Lane?.Name() ?? "unknown")));
        }

        foreach (var alert in report.Notified)
        {
            alertsNotified.Add(1, Tags(repo, ("code", alert.Code)));
        }

        RecordHealth(report.Health, repo);
        RecordObservation(report.Items, report.RateLimitRemaining, repo);
    }

    /// <summary>Refreshes the queue-health gauge: every code is reported, 0 when its alert is not active.</summary>
    public void RecordHealth(IReadOnlyList<QueueAlert> alerts, string? repo = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var perCode = QueueHealth.Codes.ToDictionary(c => c, c => alerts.Count(a => a.Code == c));
        lock (gate)
        {
            alertsPerCode[repo ?? string.Empty] = perCode;
        }
    }

    /// <summary>Refreshes the items-per-phase and rate-limit gauges (after a tick or a dashboard observation).</summary>
    public void RecordObservation(IReadOnlyList<ItemView> items, int? remaining, string? repo = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var phases = items.GroupBy(i => i.Phase).ToDictionary(g => g.Key.Wire(), g => g.Count());
        var key = repo ?? string.Empty;
        lock (gate)
        {
            itemsPerPhase[key] = phases;
            queueWaiting[key] = items.Count(i => i.QueuePosition is not null && i.Phase is ItemPhase.Queued or ItemPhase.Paused);
            if (remaining is { } r)
            {
                rateLimitRemaining[key] = r;
            }
        }
    }

    public void RecordAgentRun(string agent, string role, string outcome, TimeSpan duration, string? repo = null)
    {
        agentRuns.Add(1, Tags(repo, ("agent", agent), ("role", role), ("outcome", outcome)));
        agentRunDuration.Record(duration.TotalSeconds, Tags(repo, ("agent", agent)));
    }

    public void RecordWebhook(string eventName, string result) =>
        webhooks.Add(1, new("event", eventName), new("result", result));

    public void Dispose() => meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveItems() =>
        PerRepo(itemsPerPhase, "phase");

    private IEnumerable<Measurement<int>> ObserveAlerts() =>
        PerRepo(alertsPerCode, "code");

    private IEnumerable<Measurement<int>> ObserveWaiting() => Each(queueWaiting);

    private IEnumerable<Measurement<int>> ObserveRateLimit() => Each(rateLimitRemaining);

    private List<Measurement<int>> PerRepo(Dictionary<string, IReadOnlyDictionary<string, int>> source, string name)
    {
        lock (gate)
        {
            return source.SelectMany(r => r.Value.Select(p => new Measurement<int>(p.Value, Tags(Repo(r.Key), (name, p.Key))))).ToList();
        }
    }

    private List<Measurement<int>> Each(Dictionary<string, int> source)
    {
        lock (gate)
        {
            return source.Select(r => new Measurement<int>(r.Value, Tags(Repo(r.Key)))).ToList();
        }
    }

    private static string? Repo(string key) => key.Length == 0 ? null : key;

    private static KeyValuePair<string, object?>[] Tags(string? repo, params (string Name, string Value)[] tags)
    {
        var all = tags.Select(t => new KeyValuePair<string, object?>(t.Name, t.Value));
        return (repo is null ? all : all.Prepend(new KeyValuePair<string, object?>("repo", repo))).ToArray();
    }

    private static string LaneOf(TickReport report, int issue) =>
        report.Items.FirstOrDefault(i => i.Issue == issue)?.Lane?.Name() ?? "unknown";
}
