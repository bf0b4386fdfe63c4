using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Engine.Loop;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Telemetry;
using Autoship.Server.Hosting;
using Autoship.Server.Observation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Loop;

/// <summary>
/// Runs the reconciler on <c>loop.schedule</c> and whenever a webhook or a dashboard button wakes it, never two ticks
/// at once (<see cref="TickScheduler"/>). On shutdown the action under way finishes and no new one starts.
/// </summary>
internal sealed partial class ReconcilerService(
    ServerEngine engine, ServerOptions options, TickScheduler scheduler, LoopState state, ObservationCache cache, AutoshipMetrics metrics,
    ILogger<ReconcilerService> logger) : BackgroundService
{
    private readonly HashSet<string> recordedRuns = [];
    private string schedule = engine.ConfigOverride?.Loop.Schedule ?? Autoship.Core.Config.ConfigDefaults.Schedule;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunLoop)
        {
            return;
        }

        var reconciler = engine.CreateReconciler(new ReconcilerOptions(engine.Holder, engine.StateDirectory)
        {
            ConfigOverride = engine.ConfigOverride,
            OnPlan = cache.Update,
        }, logger);
        // Runs already in the store are history, not this process's work (a demo's clock may even date them ahead).
        foreach (var run in await engine.Store.ListRunsAsync(engine.Forge.Name, null, engine.Clock.GetUtcNow().AddDays(-1), stoppingToken))
        {
            recordedRuns.Add(run.Run.Id);
        }

        try
        {
            var skip = !options.TickAtStart;
            await scheduler.RunAsync(() => schedule, token =>
            {
                // The scheduler always ticks first; this turns that first tick into a wait when asked to.
                var wait = skip;
                skip = false;
                return wait ? Task.CompletedTask : TickAsync(reconciler, token);
            }, next =>
            {
                state.NextTickAt = next;
                LogIdle(logger, next, schedule);
            }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
    }

    private async Task TickAsync(Reconciler reconciler, CancellationToken cancellationToken)
    {
        state.Started();
        var started = engine.Clock.GetUtcNow();
        TickReport? report = null;
        string? error = null;
        try
        {
            report = await reconciler.TickAsync(false, cancellationToken);
            metrics.RecordTick(report);
            cache.Update(report);
            LogTick(logger, engine.Forge.Name, report.TickId, report.Outcome.Wire(), report.Actions.Count, report.Requests, report.Duration.TotalSeconds);
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
            LogTickFailed(logger, e, engine.Forge.Name);
        }
        finally
        {
            state.Finished(report, error);
        }
    }

    private async Task RecordRunsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        foreach (var run in await engine.Store.ListRunsAsync(engine.Forge.Name, null, since, cancellationToken))
        {
            if (!recordedRuns.Add(run.Run.Id))
            {
                continue;
            }

            metrics.RecordAgentRun(run.Run.Agent, run.Run.Role.Wire(), run.Outcome, run.Duration);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick {TickId} on {Repo}: {Outcome}, {Actions} action(s), {Requests} forge request(s), {Seconds:0.0} s")]
    private static partial void LogTick(ILogger logger, string repo, string tickId, string outcome, int actions, int requests, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tick on {Repo} failed; the next tick repairs what it left")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string repo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next tick at {Next:u} (schedule '{Schedule}') or when a webhook wakes the loop")]
    private static partial void LogIdle(ILogger logger, DateTimeOffset next, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop stopped")]
    private static partial void LogStopped(ILogger logger);
}
