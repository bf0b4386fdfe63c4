namespace Autoship.Core.Tests.Claims;

public sealed class ClaimPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly global::Autoship.Core.Config.LoopSettings Loop = TestConfigs.Default().Loop; // 2 h timeout, 3 attempts

    [Theory]
    [InlineData(0, 1)]
    [InlineData(119, 1)]
    [InlineData(119, 3)]
    public void Evaluate_YoungClaimWithoutPr_KeepsItAndSaysWhenItExpires(int minutes, int attempt)
    {
        var decision = ClaimPolicy.Evaluate(new ClaimState(7, "qa", attempt, T0, false), T0.AddMinutes(minutes), Loop);

        decision.Action.ShouldBe(ClaimAction.Keep);
        decision.NextAttempt.ShouldBe(attempt);
        decision.Reasons.Single().Code.ShouldBe("claim-active");
        decision.Reasons.Single().Message.ShouldContain("expires at 2025-01-01 14:00 UTC");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Evaluate_ClaimWithOpenPr_KeepsItHoweverOld(int minutes)
    {
        var decision = ClaimPolicy.Evaluate(new ClaimState(7, "qa", 3, T0, true), T0.AddMinutes(minutes), Loop);

        decision.Action.ShouldBe(ClaimAction.Keep);
        decision.Reasons.Single().Code.ShouldBe("claim-has-pr");
    }

    [Theory]
    [InlineData(120, 1, 2)]
    [InlineData(500, 2, 3)]
    public void Evaluate_ExpiredClaimWithAttemptsLeft_ReleasesForTheNextAttempt(int minutes, int attempt, int next)
    {
        var decision = ClaimPolicy.Evaluate(new ClaimState(7, "qa", attempt, T0, false), T0.AddMinutes(minutes), Loop);

        decision.Action.ShouldBe(ClaimAction.Release);
        decision.NextAttempt.ShouldBe(next);
        decision.Reasons.Single().Code.ShouldBe("claim-expired");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Evaluate_ExpiredClaimOnLastAttempt_BlocksTheItem(int attempt)
    {
        var decision = ClaimPolicy.Evaluate(new ClaimState(7, "qa", attempt, T0, false), T0.AddHours(3), Loop);

        decision.Action.ShouldBe(ClaimAction.Block);
        decision.Reasons.Single().Message.ShouldContain($"blocked after {attempt} attempts");
    }
}
