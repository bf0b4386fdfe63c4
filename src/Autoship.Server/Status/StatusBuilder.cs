using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Server.Hosting;
using Autoship.Server.Loop;
using Autoship.Server.Observation;

namespace Autoship.Server.Status;

/// <summary>Builds the overview from the cached observation (no forge request) and the store (controls, runs, ticks, events).</summary>
public sealed class StatusBuilder(ServerEngine engine, ServerOptions options, ObservationCache cache, LoopState loop)
{
    /// <summary>Agent success rates look back this far.</summary>
    public static readonly TimeSpan RunWindow = TimeSpan.FromDays(7);

    public async Task<StatusView> BuildAsync(CancellationToken cancellationToken)
    {
        var observation = await cache.GetAsync(cancellationToken);
        var store = engine.Store;
        var repo = engine.Forge.Name;
        var now = engine.Clock.GetUtcNow();
        var controls = await store.GetControlsAsync(repo, cancellationToken);
        var runs = await store.ListRunsAsync(repo, null, now - RunWindow, cancellationToken);
        var ticks = await store.RecentTicksAsync(repo, 8, cancellationToken);
        var outcomes = (await store.QueryEventsAsync(new EventQuery(repo, Limit: 200), cancellationToken))
            .Where(e => e.Kind is "merge" or "block" or "release" or "stop" || e.Result != ActionOutcome.Ok)
            .Take(10)
            .ToList();
        var items = observation.Items;

        var claims = items.Where(i => i.Phase == ItemPhase.Claimed)
            .Select(i => observation.ClaimedAt.TryGetValue(i.Issue, out var at) ? new ClaimView(i, at, now - at) : new ClaimView(i, null, null))
            .ToList();
        var lanes = Enum.GetValues<Lane>().Select(l => new LaneView(l.Name(), l.Letter(), controls.KillSwitch || controls.PausedLanes.Contains(l), Requires(l),
            items.Where(i => i.PullRequest is not null && i.Lane == l && i.Phase is ItemPhase.PullRequest or ItemPhase.Held).ToList())).ToList();

        return new StatusView(
            repo,
            observation.At,
            observation.Source,
            new ControlsView(controls.KillSwitch, controls.PausedLanes.Select(l => l.Name()).ToList(), Describe(controls)),
            new LoopView(options.RunLoop, loop.TickRunning, loop.NextTickAt, loop.LastError, loop.Ticks),
            observation.Notices,
            items.Where(i => i.Phase is ItemPhase.Queued or ItemPhase.Paused or ItemPhase.Released).ToList(),
            claims,
            lanes,
            items.Where(i => i.Phase is ItemPhase.Skipped or ItemPhase.Blocked or ItemPhase.Refused or ItemPhase.Stopped).ToList(),
            Agents(items, runs),
            ticks,
            outcomes)
        {
            Running = engine.Running.Snapshot().Select(r => new RunningView(r.What, r.StartedAt, now - r.StartedAt, r.LastLine)).ToList(),
        };
    }

    public static string Describe(RuntimeControls c) =>
        c.KillSwitch ? "Kill switch ON: no agent starts and nothing merges." :
        c.PausedLanes.Count == 0 ? "Running: no lane is paused." :
        "Paused: " + string.Join(", ", c.PausedLanes.Order().Select(l => $"lane {l.Letter()} ({l.Name()})")) + ". Other lanes run.";

    public static string Requires(Lane lane) => lane switch
    {
        Lane.Safe => "merges by itself once a reviewer agent approves and the required checks are green",
        Lane.Staging => "merges by itself after review, green checks and a successful staging deployment",
        _ => "never merges unattended: a listed human must approve, with verification evidence in the PR",
    };

    private static List<AgentView> Agents(IReadOnlyList<ItemView> items, IReadOnlyList<StoredRun> runs)
    {
        var working = items.Where(i => i.Owner is not null && i.Phase is ItemPhase.Claimed or ItemPhase.PullRequest or ItemPhase.Held)
            .GroupBy(i => i.Owner!)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Issue).Order().ToList());
        var names = working.Keys.Concat(runs.Select(r => r.Run.Agent)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var mine = runs.Where(r => r.Run.Agent == name).ToList();
            var ok = mine.Count(r => RunOutcomes.Succeeded(r.Outcome));
            return new AgentView(name, working.GetValueOrDefault(name) ?? [], mine.Count, ok, mine.Count == 0 ? null : (double)ok / mine.Count,
                mine.OrderByDescending(r => r.Run.EndedAt).FirstOrDefault()?.Outcome);
        }).ToList();
    }
}
