using System.Diagnostics;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Store;
using Autoship.Forge;
using Microsoft.Extensions.Logging;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// One tick over one repository: lease → observe → plan (pure) → act (idempotent, each recorded) → report.
/// Level-triggered: it reads the forge afresh each pass, so a crash anywhere is repaired by the next tick and
/// running the same tick twice changes nothing.
/// </summary>
public sealed partial class Reconciler(IForge forge, IStateStore store, IAgentRunner runner, ReconcilerOptions options, TimeProvider clock, ILogger logger)
{
    public static readonly ActivitySource Activity = new("Autoship.Engine");

    private readonly Dictionary<(int Issue, DateTimeOffset UpdatedAt), ItemMemory?> memoryCache = [];

    public async Task<TickReport> TickAsync(bool dryRun, CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("autoship.tick");
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var tickId = $"{started:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var repository = forge.Name;
        activity?.SetTag("autoship.repository", repository);

        if (!dryRun && !await store.TryAcquireLeaseAsync(repository, options.Holder, started, options.LeaseTtl, cancellationToken))
        {
            var lease = await store.GetLeaseAsync(repository, cancellationToken);
            var why = new Reason("lease-busy", $"another orchestrator ({lease?.Holder ?? "unknown"}) holds the lease on {repository} until {lease?.ExpiresAt:u}; this tick does nothing");
            return new TickReport(tickId, TickOutcome.LeaseBusy, 0, [], [], [], [why], forge.Usage.Requests, forge.Usage.RateLimitRemaining, stopwatch.Elapsed);
        }

        var results = new List<ActionResult>();
        claimTakeovers.Clear();
        Plan? last = null;
        AutoshipConfig? lastConfig = null;
        string? schedule = null;
        var rounds = 0;
        var outcome = TickOutcome.Done;
        string? failure = null;
        IReadOnlyList<QueueAlert> notified = [];
        var requestsBefore = forge.Usage.Requests;
        using var progress = new TickProgress(options.Progress, tickId);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = dryRun ? Task.CompletedTask : HeartbeatAsync(repository, heartbeatStop.Token);
        var claimBeats = dryRun ? Task.CompletedTask : Beats.RunAsync(heartbeatStop.Token);
        try
        {
            // Worktrees of jobs in flight are not leftovers.
            if (!dryRun && runner is IWorkspaceJanitor janitor && Directory.Exists(Cache.Path) && (await Ledger.ListAsync(cancellationToken)).Count == 0)
            {
                await janitor.CleanupLeftoversAsync(Cache.Path, cancellationToken);
            }

            if (!dryRun && Directory.Exists(Cache.Path))
            {
                await Cache.HousekeepAsync(cancellationToken);
            }

            for (rounds = 1; rounds <= options.MaxRounds; rounds++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var pass = progress.Pass(rounds);
                var (plan, context) = await ObserveAndPlanAsync(cancellationToken);
                pass.Finish(TickProgress.Planned(plan));
                last = plan;
                lastConfig = context.Config;
                schedule = context.Config?.Loop.Schedule ?? schedule;
                options.OnPlan?.Invoke(plan);
                if (dryRun)
                {
                    break;
                }

                async Task RecordAsync(PlannedAction action, ActionResult result)
                {
                    results.Add(result);
                    progress.End(action, result);
                    options.OnAction?.Invoke(result);
                    await store.AppendEventAsync(new StoredEvent(0, clock.GetUtcNow(), repository, tickId, action.Issue, PullRequestOf(action), action.Kind,
                        result.Message, result.Reasons, result.Outcome.Wire()), CancellationToken.None);
                    if (options.AfterAction is { } hook)
                    {
                        await hook(action, results.Count);
                    }

                    await store.TryAcquireLeaseAsync(repository, options.Holder, clock.GetUtcNow(), options.LeaseTtl, CancellationToken.None);
                }

                // Jobs that finished since the last look: verified, then pushed and opened as PRs by the harness.
                var collected = await CollectJobsAsync(context, RecordAsync, cancellationToken);
                if (plan.IsEmpty && collected == 0)
                {
                    break;
                }

                foreach (var action in plan.Actions.Where(a => a is not StartAttempt))
                {
                    // Finish the action under way on Ctrl-C, but start no new one.
                    cancellationToken.ThrowIfCancellationRequested();
                    progress.Begin(action);
                    await RecordAsync(action, await ApplyAsync(action, context, CancellationToken.None));
                }

                cancellationToken.ThrowIfCancellationRequested();
                await RunAttemptsAsync(plan.Actions.OfType<StartAttempt>().ToList(), context, RecordAsync, progress, cancellationToken);
            }

            rounds = Math.Min(rounds, options.MaxRounds);
            // The last pass's configuration (the valid one, else the last good one), not a third and fourth read and parse of it.
            notified = dryRun ? [] : await NotifyHealthAsync(last, lastConfig, cancellationToken);
            if (!dryRun)
            {
                await ReportDashboardAsync(last, lastConfig, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            outcome = TickOutcome.Cancelled;
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = TickOutcome.Failed;
            failure = e.Message;
            throw;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            await claimBeats;
            Beats.Clear();
            if (!dryRun)
            {
                var usage = forge.Usage;
                await store.SaveTickAsync(new TickRecord(tickId, repository, started, clock.GetUtcNow(), rounds, results.Count, usage.Requests - requestsBefore,
                    usage.RateLimitRemaining, TickOutcomes.Text(outcome, failure), Summary(last, results)), CancellationToken.None);
                await store.ReleaseLeaseAsync(repository, options.Holder, CancellationToken.None);
            }
        }

        IReadOnlyList<Reason> notices = claimTakeovers.Count == 0 ? last?.Notices ?? [] : [.. last?.Notices ?? [], .. claimTakeovers];
        claimTakeovers.Clear();
        return new TickReport(tickId, dryRun ? TickOutcome.DryRun : outcome, rounds, results, last?.Actions ?? [], last?.Items ?? [], notices,
            forge.Usage.Requests - requestsBefore, forge.Usage.RateLimitRemaining, stopwatch.Elapsed)
        {
            Schedule = schedule,
            Health = last?.Health ?? [],
            Notified = notified,
        };
    }

    /// <summary>Reads the forge and plans, without acting: what <c>status</c>, <c>explain</c> and <c>--dry-run</c> show.</summary>
    public async Task<(Plan Plan, TickContext Context)> ObserveAndPlanAsync(CancellationToken cancellationToken)
    {
        var snapshot = await forge.ObserveAsync(cancellationToken);
        var (config, errors) = options.ConfigOverride is { } forced
            ? (forced, (IReadOnlyList<ConfigError>)[])
            : LoadConfig(snapshot.ConfigText);
        var lastGood = config;
        if (config is not null && options.ConfigOverride is null && snapshot.ConfigText is not null)
        {
            await RememberGoodConfigAsync(snapshot.ConfigText, cancellationToken);
        }
        else if (config is null)
        {
            lastGood = await LastGoodConfigAsync(cancellationToken);
        }

        var memories = new Dictionary<int, ItemMemory>();
        foreach (var issue in snapshot.Issues)
        {
            if (await MemoryAsync(issue, cancellationToken) is { } memory)
            {
                memories[issue.Number] = memory;
            }
        }

        var controls = await store.GetControlsAsync(forge.Name, cancellationToken);
        var unavailable = lastGood is null ? new Dictionary<string, Reason>() : await SpendGuard.UnavailableAgentsAsync(store, forge.Name, lastGood, clock.GetUtcNow(), cancellationToken);
        var input = new PlanInput(snapshot, config, errors, memories, controls, clock.GetUtcNow())
        {
            Running = (await Ledger.ListAsync(cancellationToken)).Select(j => j.Issue).ToHashSet(),
            LastGoodConfig = lastGood,
            UnavailableAgents = unavailable,
            RecentRuns = await RecentRunsAsync(cancellationToken),
        };
        var plan = Planner.Plan(input);
        return (plan, new TickContext(snapshot, lastGood, memories));
    }

    private async Task<ItemMemory?> MemoryAsync(IssueSnapshot issue, CancellationToken cancellationToken)
    {
        var key = (issue.Number, issue.UpdatedAt);
        if (memoryCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var memory = ItemMemoryCodec.Decode(await forge.FindCommentAsync(issue.Number, ItemMemory.Marker, cancellationToken));
        memoryCache[key] = memory;
        return memory;
    }

    private static (AutoshipConfig? Config, IReadOnlyList<ConfigError> Errors) LoadConfig(string? text)
    {
        if (text is null)
        {
            return (null, [new ConfigError(AutoshipConfig.DefaultPath, 1, 1, "no configuration on the default branch (run 'autoship init' and merge it)")]);
        }

        var loaded = ConfigLoader.Load(text, AutoshipConfig.DefaultPath);
        return (loaded.IsValid ? loaded.Config : null, loaded.Errors);
    }

    private async Task RememberGoodConfigAsync(string text, CancellationToken cancellationToken)
    {
        if (await store.GetSettingAsync(forge.Name, "last-good-config", cancellationToken) != text)
        {
            await store.SetSettingAsync(forge.Name, "last-good-config", text, cancellationToken);
        }
    }

    private async Task<AutoshipConfig?> LastGoodConfigAsync(CancellationToken cancellationToken)
    {
        var text = await store.GetSettingAsync(forge.Name, "last-good-config", cancellationToken);
        return text is null ? null : ConfigLoader.Load(text, AutoshipConfig.DefaultPath).Config;
    }

    private static int? PullRequestOf(PlannedAction action) => action switch
    {
        ReviewPullRequest r => r.PullRequest,
        SyncLabels s => s.PullRequest,
        PublishGate g => g.PullRequest,
        MergePullRequest m => m.PullRequest,
        CloseResolved c => c.PullRequest,
        ReleaseClaim r => r.PullRequest,
        BlockItem b => b.PullRequest,
        StopWork s => s.PullRequest,
        UpdateComment u => u.PullRequest,
        _ => null,
    };

    private static string Summary(Plan? plan, List<ActionResult> results) =>
        plan is null
            ? "no pass completed"
            : $"{Plural.Of(results.Count, "action")}; items: " + string.Join(", ", plan.Items.GroupBy(i => i.Phase).Select(g => $"{g.Count()} {g.Key.Wire()}"));
}

/// <summary>What the acting step needs from the observation it was planned from.</summary>
public sealed record TickContext(RepositorySnapshot Snapshot, AutoshipConfig? Config, IReadOnlyDictionary<int, ItemMemory> Memories);
