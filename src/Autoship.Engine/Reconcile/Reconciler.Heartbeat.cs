using Microsoft.Extensions.Logging;

namespace Autoship.Engine.Reconcile;

public sealed partial class Reconciler
{
    /// <summary>
    /// Renews the lease every third of its TTL while the tick works (a long agent run), so that the TTL can stay short:
    /// a holder on another host that dies loses its lease within one TTL.
    /// </summary>
    private async Task HeartbeatAsync(string repository, CancellationToken stop)
    {
        var period = options.LeaseTtl / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, stop);
                await store.TryAcquireLeaseAsync(repository, options.Holder, clock.GetUtcNow(), options.LeaseTtl, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHeartbeatFailed(logger, repository, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease heartbeat on {Repository} failed: {Problem}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string repository, string problem);
}
