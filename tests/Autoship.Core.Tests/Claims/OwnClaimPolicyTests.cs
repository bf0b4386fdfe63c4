namespace Autoship.Core.Tests.Claims;

/// <summary>A claim of this orchestrator made by another of its processes: going on with it, or not twice.</summary>
public sealed class OwnClaimPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ClaimHeartbeat Fresh = new(TimeSpan.FromMinutes(1), T0.AddSeconds(-30));

    [Theory]
    [InlineData(true, false, true, true, "claim-own")]
    [InlineData(false, true, true, true, "claim-own")]
    [InlineData(false, false, false, true, "claim-own")]
    [InlineData(false, false, true, false, "claim-running-elsewhere")]
    public void Evaluate_OwnClaim_GoesOnUnlessAnotherLiveProcessRenewsIt(bool madeHere, bool dead, bool fresh, bool goOn, string code)
    {
        var beat = fresh ? Fresh : Fresh with { Renewed = T0.AddMinutes(-3) };

        var decision = OwnClaimPolicy.Evaluate(new OwnClaim("refs/autoship/claims/7/1", "h/42/99/ab", madeHere, dead, beat), T0);

        decision.TakeOver.ShouldBe(goOn);
        decision.Reasons.Single().Code.ShouldBe(code);
        decision.Reasons.Single().Message.ShouldContain("refs/autoship/claims/7/1");
    }

    [Fact]
    public void Evaluate_OwnClaimWithoutAHeartbeat_GoesOnAsBefore()
    {
        // A detached job's claim promises no renewals: the job is adopted by its id.
        OwnClaimPolicy.Evaluate(new OwnClaim("refs/autoship/claims/7/1", "h/42/99/ab", false, false, null), T0).TakeOver.ShouldBeTrue();
    }
}
