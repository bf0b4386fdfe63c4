using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Telemetry;
using Autoship.Server.Hosting;
using Autoship.Server.Loop;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Observation;

/// <summary>
/// The last observation, so that page loads do not spend forge requests: refreshed from each tick's plans, and read
/// afresh at most every <see cref="ServerOptions.ObservationTtl"/> when no tick is running.
/// </summary>
public sealed class ObservationCache(ServerEngine engine, ServerOptions options, LoopState state, AutoshipMetrics metrics, ILogger<ObservationCache> logger)
{
    private readonly SemaphoreSlim refresh = new(1, 1);
    private Reconciler? reader;
    private volatile Observation? current;

    public Observation? Current => current;

    public void Update(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Set(plan.Items, plan.Notices, null, "tick");
    }

    public void Update(TickReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Items.Count > 0 || report.Notices.Count > 0)
        {
            Set(report.Items, report.Notices, null, "tick");
        }
    }

    /// <summary>Makes the next read go to the forge (after a pause or resume changes what the plan says).</summary>
    public void Invalidate()
    {
        if (current is { } c)
        {
            current = c with { At = DateTimeOffset.MinValue };
        }
    }

    public async Task<Observation> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(current) is { } hit)
        {
            return hit;
        }

        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(current) is { } again)
            {
                return again;
            }

            reader ??= engine.CreateReconciler(new ReconcilerOptions(engine.Holder + "/reader", engine.StateDirectory) { ConfigOverride = engine.ConfigOverride }, logger);
            var (plan, context) = await reader.ObserveAndPlanAsync(cancellationToken);
            var claimed = context.Memories.Where(m => m.Value.ClaimedAt is not null).ToDictionary(m => m.Key, m => m.Value.ClaimedAt!.Value);
            metrics.RecordObservation(plan.Items, engine.Forge.Usage.RateLimitRemaining, engine.Forge.Name);
            return Set(plan.Items, plan.Notices, claimed, "forge");
        }
        finally
        {
            refresh.Release();
        }
    }

    private Observation? Fresh(Observation? c) =>
        c is not null && (state.TickRunning || engine.Clock.GetUtcNow() - c.At < options.ObservationTtl) ? c : null;

    private Observation Set(IReadOnlyList<ItemView> items, IReadOnlyList<Autoship.Core.Reason> notices, IReadOnlyDictionary<int, DateTimeOffset>? claimed, string source)
    {
        var next = new Observation(items, notices, claimed ?? current?.ClaimedAt ?? new Dictionary<int, DateTimeOffset>(), engine.Clock.GetUtcNow(), source);
        current = next;
        return next;
    }
}
