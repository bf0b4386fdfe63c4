namespace Autoship.Core;

/// <summary>
/// The liveness a claim's holder promises on the forge: it renews the claim object every <see cref="Interval"/> while
/// its agent works, writing <see cref="Renewed"/> (its own clock). <see cref="Finished"/>: the work ended and waits to be
/// collected by its orchestrator, so no more renewals come and none are owed.
/// </summary>
public sealed record ClaimHeartbeat(TimeSpan Interval, DateTimeOffset Renewed, bool Finished = false);

/// <summary>Whether a claim's heartbeat is fresh (its holder is alive) or stale (missed <see cref="MissedBeats"/> renewals).</summary>
public static class ClaimHeartbeatRule
{
    /// <summary>Renewals a holder may miss before its claim is stale: the TTL is this many intervals.</summary>
    public const int MissedBeats = 3;

    /// <summary>How long a claim lives without a renewal: <see cref="MissedBeats"/> × the holder's own interval.</summary>
    public static TimeSpan Ttl(TimeSpan interval) => interval * MissedBeats;

    /// <summary>
    /// The clock skew between holder and reader this rule tolerates without ever taking a live claim over: a holder
    /// renews every interval and a renewal takes at most one more, so a live claim's last renewal is under 2 intervals
    /// old; read with a reader clock up to one interval ahead it still looks younger than the TTL. A reader clock that
    /// is behind only delays a takeover, by its skew.
    /// </summary>
    public static TimeSpan ToleratedSkew(TimeSpan interval) => Ttl(interval) - (2 * interval);

    /// <summary>
    /// Stale when the holder promised renewals, has not finished, and <paramref name="now"/> (the reader's clock) is at
    /// least the TTL past its last renewal. A claim whose holder promised nothing (older claims) is never stale.
    /// </summary>
    public static bool IsStale(ClaimHeartbeat? heartbeat, DateTimeOffset now) =>
        heartbeat is { Finished: false, Interval.Ticks: > 0 } beat && now - beat.Renewed >= Ttl(beat.Interval);

    /// <summary>Fresh: a promised heartbeat that is not stale (an alive holder, whatever its host).</summary>
    public static bool IsFresh(ClaimHeartbeat? heartbeat, DateTimeOffset now) =>
        heartbeat is { Finished: false, Interval.Ticks: > 0 } && !IsStale(heartbeat, now);
}
