using Autoship.Forge;
using Microsoft.Extensions.Logging;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// The claims this process holds while its agents work inside it, renewed on the forge every claim's heartbeat
/// interval (<see cref="IForge.RenewClaimAsync"/>), so that an orchestrator on another host can tell a live holder from
/// a dead one (<see cref="Autoship.Core.ClaimHeartbeatRule"/>) without waiting for loop.claimTimeout.
/// </summary>
internal sealed partial class ClaimBeats(IForge forge, TimeProvider clock, ILogger logger)
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, ForgeClaim> held = new(StringComparer.Ordinal);

    /// <summary>Renews <paramref name="claim"/> from now on (it must promise a <see cref="ForgeClaim.HeartbeatInterval"/>).</summary>
    public void Hold(ForgeClaim claim)
    {
        if (claim.HeartbeatInterval is null)
        {
            return;
        }

        lock (gate)
        {
            held[claim.Ref] = claim with { Renewed = claim.Renewed ?? claim.Since ?? clock.GetUtcNow() };
        }
    }

    /// <summary>Stops renewing every claim (the tick ends: nothing works on them in this process any more).</summary>
    public void Clear()
    {
        lock (gate)
        {
            held.Clear();
        }
    }

    /// <summary>Renews the claims as they fall due until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Wait(), clock, stop);
                foreach (var claim in Due())
                {
                    await RenewAsync(claim, stop);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(logger, e.Message);
            }
        }
    }

    private async Task RenewAsync(ForgeClaim claim, CancellationToken stop)
    {
        var renewed = claim with { Renewed = clock.GetUtcNow() };
        var ok = await forge.RenewClaimAsync(renewed, stop);
        lock (gate)
        {
            if (!ok)
            {
                // Released (the item finished) or not ours any more: nothing to renew.
                held.Remove(claim.Ref);
            }
            else if (held.ContainsKey(claim.Ref))
            {
                held[claim.Ref] = renewed;
            }
        }
    }

    private TimeSpan Wait()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var next = held.Values.Select(c => c.Renewed!.Value + c.HeartbeatInterval!.Value - now).DefaultIfEmpty(Idle).Min();
            return next < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : next > Idle ? Idle : next;
        }
    }

    private List<ForgeClaim> Due()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            return held.Values.Where(c => now - c.Renewed!.Value >= c.HeartbeatInterval!.Value).ToList();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim heartbeat failed: {Problem}")]
    private static partial void LogRenewFailed(ILogger logger, string problem);
}
