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
}
