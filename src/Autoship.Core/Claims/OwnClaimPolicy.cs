using System.Globalization;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>A claim ref this orchestrator holds (its id), as the forge shows it, found by a claim that did not create it.</summary>
/// <param name="Ref">The claim ref (its highest generation).</param>
/// <param name="Process">The process that made or last renewed it (<c>host/pid/start/id</c>), or null (older claims).</param>
/// <param name="MadeHere">This very process made it (an earlier pass of this tick, or of this long-running process).</param>
/// <param name="ProcessDead">That process runs on this host and is provably gone.</param>
/// <param name="Heartbeat">The renewals that process promised and its last one, or null.</param>
public sealed record OwnClaim(string Ref, string? Process, bool MadeHere, bool ProcessDead, ClaimHeartbeat? Heartbeat);

/// <summary>
/// Orchestrators sharing a store share one id on the forge's claims, and their store lease keeps them from working at
/// once — but a lease can lapse while its holder still works (a heartbeat stalled on a loaded machine), and then the
/// claim ref alone cannot tell two live processes of one orchestrator apart. A claim made by another process of this
/// orchestrator that still renews it is that process's work: it is not started twice. A killed one (provably dead, or
/// its heartbeat stale) and a claim that promised no heartbeat (a detached job, adopted by its job id) go on as before.
/// </summary>
public static class OwnClaimPolicy
{
    public static ClaimTakeover Evaluate(OwnClaim claim, DateTimeOffset now)
    {
        if (claim.MadeHere || claim.ProcessDead || !ClaimHeartbeatRule.IsFresh(claim.Heartbeat, now))
        {
            return new ClaimTakeover(true, Because.One("claim-own",
                $"{claim.Ref} is this orchestrator's own claim{(claim.MadeHere ? string.Empty : $", made by process {claim.Process ?? "unknown"}, which no longer works on it")}: going on with it"));
        }

        var beat = claim.Heartbeat!;
        return new ClaimTakeover(false, Because.One("claim-running-elsewhere",
            $"{claim.Ref} is this orchestrator's claim, but process {claim.Process ?? "unknown"} still renews it (last at {beat.Renewed.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}, every {Durations.Format(beat.Interval)}): its agent runs there, so it is not started twice"));
    }
}
