using System.Globalization;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>A claim ref held by another orchestrator, as the forge shows it (older claims carry no process or time).</summary>
/// <param name="Ref">The claim ref (its highest generation).</param>
/// <param name="HolderDead">The holder's process runs on this host and is provably gone (pid gone or reused).</param>
/// <param name="Progressed">The issue shows the holder got past its claim (state comment and label for this attempt, or its review): work may be under way elsewhere.</param>
/// <param name="RunsInHolder">The claim says its agent runs inside the holder's process (executor inline), not in a detached job.</param>
/// <param name="Heartbeat">The renewals its holder promised and the last one it wrote, or null (older claims promise none).</param>
public sealed record ForeignClaim(string Ref, string? Holder, string? Process, DateTimeOffset? Since, bool HolderDead, bool Progressed, bool RunsInHolder = false,
    ClaimHeartbeat? Heartbeat = null);

/// <summary>Whether a claim ref held by another orchestrator may be taken over (by creating its next generation).</summary>
public sealed record ClaimTakeover(bool TakeOver, IReadOnlyList<Reason> Reasons);

/// <summary>
/// A claim ref blocks every other orchestrator. One whose holder died before recording its claim on the issue would
/// block the item forever (no state comment, so no claim timeout applies): it is taken over when the holder is
/// provably dead (same host) or when the claim object is older than <see cref="LoopSettings.ClaimTimeout"/> (any host).
/// A claim whose holder got further (the issue records it, so a detached job may be running it) is taken over only
/// when its agent ran inside the holder's own process (executor inline) and that process is provably gone: nothing
/// works on it any more, so the attempt is re-run at once instead of waiting for the claim timeout. Otherwise the
/// planner's claim timeout on the state comment releases it for the next attempt.
/// A claim whose holder promised a heartbeat (<see cref="ClaimHeartbeat"/>) and missed it for its TTL is taken over on
/// any host, recorded or not: its holder (another host, a killed tick, a killed job supervisor) no longer works on it.
/// While the heartbeat is fresh, the claim is never taken over on time alone; only a same-host proof of death can.
/// </summary>
public static class ClaimTakeoverPolicy
{
    public static ClaimTakeover Evaluate(ForeignClaim claim, DateTimeOffset now, LoopSettings loop)
    {
        var who = claim.Holder ?? "an unknown holder";
        if (claim.Progressed && claim.HolderDead && claim.RunsInHolder)
        {
            return new ClaimTakeover(true, Because.One("claim-holder-dead",
                $"{claim.Ref} was made by process {claim.Process} of {who}, which ran the agent inside itself (executor inline) and no longer runs on this host: taken over, the recorded attempt is re-run now"));
        }

        if (ClaimHeartbeatRule.IsStale(claim.Heartbeat, now))
        {
            var beat = claim.Heartbeat!;
            return new ClaimTakeover(true, Because.One("claim-heartbeat-stale",
                $"{claim.Ref} held by {who} was last renewed at {StampSeconds(beat.Renewed)}, more than {Durations.Format(ClaimHeartbeatRule.Ttl(beat.Interval))} ({ClaimHeartbeatRule.MissedBeats} × its {Durations.Format(beat.Interval)} heartbeat) ago: its holder stopped working on it, so it is taken over and the attempt is re-run now"));
        }

        if (claim.Progressed)
        {
            return new ClaimTakeover(false, Because.One("claim-taken",
                $"{claim.Ref} is held by {who}, whose claim is recorded on the issue: only one orchestrator runs an agent for it (loop.claimTimeout releases it)"));
        }

        if (claim.HolderDead)
        {
            return new ClaimTakeover(true, Because.One("claim-holder-dead",
                $"{claim.Ref} was made by process {claim.Process} of {who}, which no longer runs on this host and never recorded the claim on the issue: taken over"));
        }

        var fresh = ClaimHeartbeatRule.IsFresh(claim.Heartbeat, now);
        if (!fresh && claim.Since is { } since && now - since >= loop.ClaimTimeout)
        {
            return new ClaimTakeover(true, Because.One("claim-ref-expired",
                $"{claim.Ref} was made by {who} at {Stamp(since)}, more than {Durations.Format(loop.ClaimTimeout)} (loop.claimTimeout) ago, and never recorded on the issue: taken over"));
        }

        var until = fresh
            ? $" while its holder renews it; last renewed at {StampSeconds(claim.Heartbeat!.Renewed)}"
            : claim.Since is { } s ? $" until {Stamp(s + loop.ClaimTimeout)}" : string.Empty;
        return new ClaimTakeover(false, Because.One("claim-taken",
            $"{claim.Ref} is held by {who}, not by this orchestrator: only one orchestrator runs an agent for it (kept{until} unless its holder is proven dead)"));
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string StampSeconds(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
