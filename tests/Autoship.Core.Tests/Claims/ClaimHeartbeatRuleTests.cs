namespace Autoship.Core.Tests.Claims;

/// <summary>
/// The claim heartbeat, generated: a holder renews every interval (each renewal landing up to one more interval late)
/// until it dies; readers with a clock skewed within the tolerated bound look at random moments. No reader ever finds a
/// live holder's claim stale, and every reader finds it stale once the TTL (plus its own skew) has passed since the
/// holder's last renewal, so a takeover comes within TTL + skew of the death, never after loop.claimTimeout.
/// </summary>
public sealed class ClaimHeartbeatRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsStale_GeneratedHoldersAndSkewedReaders_NeverWhileAliveAlwaysAfterTheTtl()
    {
        var random = new Random(20261202);
        var aliveChecks = 0;
        var deadChecks = 0;
        for (var trial = 0; trial < 2000; trial++)
        {
            var interval = TimeSpan.FromMilliseconds(random.Next(1_000, 600_000));
            var death = T0 + (interval * random.Next(1, 40)) + TimeSpan.FromMilliseconds(random.Next(0, 600_000));
            // The holder's clock is off the true time by holderSkew; what it writes is its clock at the renewal.
            var holderSkew = Skew(random, TimeSpan.FromHours(1));
            var renewals = Renewals(random, interval, death);
            var tolerated = ClaimHeartbeatRule.ToleratedSkew(interval);
            for (var look = 0; look < 20; look++)
            {
                // The reader's clock is off the holder's by less than the tolerated skew (either way).
                var readerSkew = holderSkew + Skew(random, tolerated - TimeSpan.FromMilliseconds(1));
                var trueNow = T0 + TimeSpan.FromMilliseconds(random.NextDouble() * (death - T0 + (interval * 6)).TotalMilliseconds);
                var visible = renewals.Where(r => r.Visible <= trueNow).ToList();
                if (visible.Count == 0)
                {
                    continue;
                }

                var last = visible.MaxBy(r => r.Stamp)!;
                var beat = new ClaimHeartbeat(interval, last.Stamp + holderSkew);
                var stale = ClaimHeartbeatRule.IsStale(beat, trueNow + readerSkew);
                if (trueNow < death)
                {
                    aliveChecks++;
                    stale.ShouldBeFalse($"trial {trial}: a live holder (interval {interval}, last renewal {last.Stamp:O}) looked stale at {trueNow:O}");
                    ClaimHeartbeatRule.IsFresh(beat, trueNow + readerSkew).ShouldBeTrue();
                }
                else if (trueNow + readerSkew - (last.Stamp + holderSkew) >= ClaimHeartbeatRule.Ttl(interval))
                {
                    deadChecks++;
                    stale.ShouldBeTrue($"trial {trial}: a claim last renewed {last.Stamp:O} was still fresh at {trueNow:O}");
                }
                else
                {
                    // Dead, but its last renewal is younger than the TTL on the reader's clock: not yet taken over.
                    stale.ShouldBeFalse($"trial {trial}: taken over before the TTL");
                }
            }
        }

        aliveChecks.ShouldBeGreaterThan(5_000, "the generator must look at live holders often");
        deadChecks.ShouldBeGreaterThan(1_000, "the generator must look past the TTL often");
    }

    [Fact]
    public void IsStale_AtTheTtl_IsStaleAndJustBeforeIsFresh()
    {
        var beat = new ClaimHeartbeat(TimeSpan.FromMinutes(1), T0);

        ClaimHeartbeatRule.Ttl(beat.Interval).ShouldBe(TimeSpan.FromMinutes(3));
        ClaimHeartbeatRule.IsStale(beat, T0.AddMinutes(3).AddTicks(-1)).ShouldBeFalse();
        ClaimHeartbeatRule.IsStale(beat, T0.AddMinutes(3)).ShouldBeTrue();
        ClaimHeartbeatRule.IsFresh(beat, T0.AddMinutes(3)).ShouldBeFalse();
        ClaimHeartbeatRule.IsFresh(beat, T0.AddMinutes(-10)).ShouldBeTrue("a reader whose clock is behind waits longer, never shorter");
    }

    [Fact]
    public void IsStale_NoHeartbeatOrFinishedWork_IsNeverStaleNorFresh()
    {
        ClaimHeartbeatRule.IsStale(null, T0.AddYears(1)).ShouldBeFalse("an older claim promised no renewals");
        ClaimHeartbeatRule.IsFresh(null, T0).ShouldBeFalse();
        var finished = new ClaimHeartbeat(TimeSpan.FromMinutes(1), T0, Finished: true);
        ClaimHeartbeatRule.IsStale(finished, T0.AddYears(1)).ShouldBeFalse("finished work waits for its orchestrator to collect it: no renewals are owed");
        ClaimHeartbeatRule.IsFresh(finished, T0).ShouldBeFalse();
    }

    /// <summary>The holder's renewals: the time it stamps (its clock, here the true time) and when the write lands.</summary>
    private static List<(DateTimeOffset Stamp, DateTimeOffset Visible)> Renewals(Random random, TimeSpan interval, DateTimeOffset death)
    {
        var list = new List<(DateTimeOffset, DateTimeOffset)> { (T0, T0) };
        var at = T0;
        while (true)
        {
            // Each renewal is due one interval after the last one landed and stamps when it starts; the write takes up to one interval.
            at += interval;
            var landed = at + TimeSpan.FromMilliseconds(random.NextDouble() * interval.TotalMilliseconds * 0.999);
            if (landed >= death)
            {
                return list;
            }

            list.Add((at, landed));
        }
    }

    private static TimeSpan Skew(Random random, TimeSpan bound) => TimeSpan.FromMilliseconds((random.NextDouble() * 2 - 1) * bound.TotalMilliseconds);
}
