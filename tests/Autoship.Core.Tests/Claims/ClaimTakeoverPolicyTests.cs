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
