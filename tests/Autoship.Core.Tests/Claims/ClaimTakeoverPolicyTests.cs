namespace Autoship.Core.Tests.Claims;

/// <summary>When a claim ref held by another orchestrator may be taken over (its holder died before recording it).</summary>
public sealed class ClaimTakeoverPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly global::Autoship.Core.Config.LoopSettings Loop = TestConfigs.Default().Loop; // 2 h timeout

    private static ForeignClaim Claim(DateTimeOffset? since, bool dead, bool progressed) =>
        new("refs/autoship/claims/7/1", "elsewhere/x", "elsewhere/42/99/ab", since, dead, progressed);

    [Theory]
    [InlineData(0, true, false, true, "claim-holder-dead")]
    [InlineData(119, false, false, false, "claim-taken")]
    [InlineData(120, false, false, true, "claim-ref-expired")]
    [InlineData(100_000, false, true, false, "claim-taken")]
    [InlineData(0, true, true, false, "claim-taken")]
    public void Evaluate_ForeignClaim_TakenOverOnlyWhenDeadOrExpiredAndNeverRecorded(int minutesOld, bool dead, bool progressed, bool takeOver, string code)
    {
        var decision = ClaimTakeoverPolicy.Evaluate(Claim(T0, dead, progressed), T0.AddMinutes(minutesOld), Loop);

        decision.TakeOver.ShouldBe(takeOver);
        decision.Reasons.Single().Code.ShouldBe(code);
        decision.Reasons.Single().Message.ShouldContain("refs/autoship/claims/7/1");
    }

    [Theory]
    [InlineData(true, true, true, "claim-holder-dead")]
    [InlineData(true, false, false, "claim-taken")]
    [InlineData(false, true, false, "claim-taken")]
    public void Evaluate_RecordedClaimOfAnInlineAgent_IsTakenOverOnlyWhenItsProcessIsDead(bool inline, bool dead, bool takeOver, string code)
    {
        // The issue records the claim (comment and label); the agent ran inside the holder (inline) or in a detached job.
        var decision = ClaimTakeoverPolicy.Evaluate(Claim(T0, dead, progressed: true) with { RunsInHolder = inline }, T0.AddMinutes(1), Loop);

        decision.TakeOver.ShouldBe(takeOver);
        decision.Reasons.Single().Code.ShouldBe(code);
        if (takeOver)
        {
            decision.Reasons.Single().Message.ShouldContain("executor inline");
        }
    }

    [Fact]
    public void Evaluate_ClaimWithoutATime_NeverExpiresButADeadHolderIsStillTakenOver()
    {
        ClaimTakeoverPolicy.Evaluate(Claim(null, false, false), T0.AddYears(1), Loop).TakeOver.ShouldBeFalse();
        ClaimTakeoverPolicy.Evaluate(Claim(null, true, false), T0, Loop).TakeOver.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_LiveForeignClaim_SaysUntilWhenItIsKept()
    {
        var decision = ClaimTakeoverPolicy.Evaluate(Claim(T0, false, false), T0.AddMinutes(5), Loop);

        decision.Reasons.Single().Message.ShouldContain("until 2025-01-01 14:00 UTC");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Evaluate_HeartbeatMissedForItsTtl_IsTakenOverOnAnyHostRecordedOrNot(bool progressed, bool inline)
    {
        // Another host (never provably dead here), last renewed 3 minutes ago with a 1-minute heartbeat.
        var claim = Claim(T0, dead: false, progressed) with { RunsInHolder = inline, Heartbeat = new ClaimHeartbeat(TimeSpan.FromMinutes(1), T0.AddMinutes(2)) };

        var decision = ClaimTakeoverPolicy.Evaluate(claim, T0.AddMinutes(5), Loop);

        decision.TakeOver.ShouldBeTrue();
        decision.Reasons.Single().Code.ShouldBe("claim-heartbeat-stale");
        decision.Reasons.Single().Message.ShouldContain("2025-01-01 12:02:00 UTC");
    }

    [Fact]
    public void Evaluate_GeneratedFreshHeartbeats_AreNeverTakenOverUnlessTheHolderIsProvablyDead()
    {
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var interval = TimeSpan.FromSeconds(random.Next(1, 3600));
            var since = T0.AddMinutes(-random.Next(0, 100_000));
            var renewed = since + TimeSpan.FromSeconds(random.Next(0, 100_000));
            var now = renewed + TimeSpan.FromTicks((long)(random.NextDouble() * ClaimHeartbeatRule.Ttl(interval).Ticks * 0.999));
            var dead = random.Next(4) == 0;
            var progressed = random.Next(2) == 0;
            var inline = random.Next(2) == 0;
            var claim = Claim(since, dead, progressed) with { RunsInHolder = inline, Heartbeat = new ClaimHeartbeat(interval, renewed) };

            var decision = ClaimTakeoverPolicy.Evaluate(claim, now, Loop);

            decision.TakeOver.ShouldBe(dead && (!progressed || inline),
                $"case {i}: fresh heartbeat (interval {interval}, renewed {renewed:O}, now {now:O}), dead {dead}, progressed {progressed}, inline {inline}: {decision.Reasons.Single().Message}");
            decision.Reasons.Single().Code.ShouldNotBe("claim-ref-expired", "a fresh heartbeat outlives loop.claimTimeout");
        }
    }

    [Fact]
    public void Evaluate_FreshHeartbeat_SaysItIsKeptWhileRenewed()
    {
        var claim = Claim(T0, false, true) with { Heartbeat = new ClaimHeartbeat(TimeSpan.FromMinutes(1), T0.AddMinutes(1)) };

        var decision = ClaimTakeoverPolicy.Evaluate(claim, T0.AddMinutes(2), Loop);

        decision.TakeOver.ShouldBeFalse();
        decision.Reasons.Single().Code.ShouldBe("claim-taken");
    }
}
