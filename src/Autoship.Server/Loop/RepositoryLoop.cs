using Autoship.Core;
using Autoship.Engine.Loop;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Telemetry;
using Autoship.Server.Hosting;
using Autoship.Server.Observation;
using Autoship.Server.Status;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Loop;

/// <summary>
/// One repository of the server: its engine, its scheduler, what the dashboard shows of it, and its loop — which runs
/// only while this replica holds the repository (see <see cref="Fleet.FleetService"/>). The loop ticks on the
/// repository's own <c>loop.schedule</c> (or the server's fixed interval) and whenever a webhook or a button wakes it,
/// never two ticks at once; stopping it lets the action under way finish and starts no new one.
/// </summary>
public sealed partial class RepositoryLoop
{
    private readonly ServerOptions options;
    private readonly AutoshipMetrics metrics;
    private readonly ILogger logger;
    private readonly HashSet<string> recordedRuns = [];
    private readonly Lock gate = new();
    private string schedule;
    private Reconciler? reconciler;
    private Task? running;
    private CancellationTokenSource? stop;

    public RepositoryLoop(ServerEngine engine, ServerOptions options, AutoshipMetrics metrics, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(loggers);
        Engine = engine;
        this.options = options;
        this.metrics = metrics;
        logger = loggers.CreateLogger("Autoship.Server.Loop");
        Scheduler = new TickScheduler(engine.Clock, options.WakeDebounce);
        State = new LoopState(Scheduler);
        Cache = new ObservationCache(engine, options, State, metrics, loggers.CreateLogger<ObservationCache>());
        Status = new StatusBuilder(engine, options, Cache, State);
        Items = new ItemReader(engine, Cache);
        Controls = new ControlsService(engine, Cache);
        schedule = engine.ConfigOverride?.Loop.Schedule ?? Autoship.Core.Config.ConfigDefaults.Schedule;
    }

    public ServerEngine Engine { get; }

    /// <summary>The repository's name on the forge (<c>github:owner/name</c>, <c>local:/path</c>).</summary>
    public string Name => Engine.Forge.Name;

    public TickScheduler Scheduler { get; }

    public LoopState State { get; }

    public ObservationCache Cache { get; }

    public StatusBuilder Status { get; }

    public ItemReader Items { get; }

    public ControlsService Controls { get; }

    /// <summary>True while this replica runs the repository's loop.</summary>
    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return running is { IsCompleted: false };
            }
        }
    }

    /// <summary>Starts the loop (no-op when it runs already).</summary>
    public void Start(CancellationToken serverStopping)
    {
        lock (gate)
        {
            if (running is { IsCompleted: false })
            {
                return;
            }

            stop?.Dispose();
            stop = CancellationTokenSource.CreateLinkedTokenSource(serverStopping);
            var token = stop.Token;
            running = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Asks the loop to stop without waiting: the action under way finishes, no new one starts.</summary>
    public void RequestStop()
    {
        lock (gate)
        {
            stop?.Cancel();
        }
    }

    /// <summary>Stops the loop and waits for it: the action under way finishes first.</summary>
    public async Task StopAsync()
    {
        Task? task;
        lock (gate)
        {
            task = running;
            stop?.Cancel();
        }

        if (task is not null)
        {
            await task;
        }
    }

    /// <summary>
    /// True while a job of this repository runs in this replica's worker pool, or has finished there and waits for a
    /// tick to collect it: the repository's work is here, so it is not given to another replica yet. A job directory
    /// that the repository's job ledger no longer lists (collected, or released elsewhere) does not count.
    /// </summary>
    public Task<bool> HasJobsInFlightAsync(CancellationToken cancellationToken) => Engine.JobsInFlight(cancellationToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            reconciler ??= Engine.CreateReconciler(new ReconcilerOptions(Engine.Holder, Engine.StateDirectory)
            {
                ConfigOverride = Engine.ConfigOverride,
                OnPlan = Cache.Update,
                Progress = Engine.Running,
            }, logger);
            if (recordedRuns.Count == 0)
            {
                // Runs already in the store are history, not this process's work (a demo's clock may even date them ahead).
                foreach (var run in await Engine.Store.ListRunsAsync(Name, null, Engine.Clock.GetUtcNow().AddDays(-1), stoppingToken))
                {
                    recordedRuns.Add(run.Run.Id);
                }
            }

            var skip = !options.TickAtStart;
            await Scheduler.RunAsync(NextAfter, token =>
            {
                // The scheduler always ticks first; this turns that first tick into a wait when asked to.
                var wait = skip;
                skip = false;
                return wait ? Task.CompletedTask : TickAsync(reconciler, token);
            }, next =>
            {
                State.NextTickAt = next;
                LogIdle(logger, Name, next);
            }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger, Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the store's first read can get here; the fleet's next heartbeat starts the loop again.
            LogTickFailed(logger, e, Name);
        }
    }

    private DateTimeOffset NextAfter(DateTimeOffset now) =>
        Engine.Every is { } every ? now + every : TickScheduler.Next(schedule, now);

    private async Task TickAsync(Reconciler tickReconciler, CancellationToken cancellationToken)
    {
        State.Started();
        var started = Engine.Clock.GetUtcNow();
        TickReport? report = null;
        string? error = null;
        try
        {
            report = await tickReconciler.TickAsync(false, cancellationToken);
            metrics.RecordTick(report, Name);
            Cache.Update(report);
            LogTick(logger, Name, report.TickId, report.Outcome.Wire(), report.Actions.Count, report.Requests, report.Duration.TotalSeconds);
            await RecordRunsAsync(started, cancellationToken);
            schedule = report.Schedule ?? schedule;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "cancelled";
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed tick is repaired by the next one (level-triggered); keep the loop alive.
            error = e.Message;
            LogTickFailed(logger, e, Name);
        }
        finally
        {
            State.Finished(report, error);
        }
    }

    private async Task RecordRunsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        foreach (var run in await Engine.Store.ListRunsAsync(Name, null, since, cancellationToken))
        {
            if (!recordedRuns.Add(run.Run.Id))
            {
                continue;
            }

            metrics.RecordAgentRun(run.Run.Agent, run.Run.Role.Wire(), run.Outcome, run.Duration, Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick {TickId} on {Repo}: {Outcome}; actions: {Actions}; forge requests: {Requests}; {Seconds:0.0} s")]
    private static partial void LogTick(ILogger logger, string repo, string tickId, string outcome, int actions, int requests, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tick on {Repo} failed; the next tick repairs what it left")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string repo);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Repo}: next tick at {Next:u} or when a webhook wakes the loop")]
    private static partial void LogIdle(ILogger logger, string repo, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop of {Repo} stopped")]
    private static partial void LogStopped(ILogger logger, string repo);
}
