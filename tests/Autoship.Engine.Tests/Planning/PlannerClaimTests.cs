using Autoship.Core;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

public sealed class PlannerClaimTests
{
    private static Dictionary<int, ItemMemory> Ours(int attempt = 1, DateTimeOffset? claimedAt = null) =>
        new() { [1] = Memory(ItemPhase.Claimed, attempt: attempt, claimedAt: claimedAt) };

    [Fact]
    public void Plan_OurClaimWithoutPrWithinTheTimeout_ResumesTheSameAttempt()
    {
        var plan = Planner.Plan(Input([Ready(1, claimed: true)], memories: Ours(attempt: 2)));

        var start = plan.Actions.ShouldHaveSingleItem().ShouldBeOfType<StartAttempt>();
        start.Resume.ShouldBeTrue();
        start.Order.Attempt.ShouldBe(2);
        start.Order.Owner.ShouldBe("mission-control-orchestrator");
    }

    [Fact]
    public void Plan_OurClaimStillRunning_PlansNothing()
    {
        var plan = Planner.Plan(Input([Ready(1, claimed: true)], memories: Ours()) with { Running = new HashSet<int> { 1 } });

        plan.Actions.ShouldBeEmpty();
        plan.Items.ShouldHaveSingleItem().Reasons.ShouldHaveSingleItem().Code.ShouldBe("running");
    }

    [Theory]
    [InlineData(30, null)]
    [InlineData(119, null)]
    [InlineData(121, "release")]
    public void Plan_ClaimNotOurs_IsKeptThenReleasedAfterTheTimeout(int minutesAgo, string? expected)
    {
        // No memory: somebody (or an older Autoship) claimed it; we only release it once it is stale.
        var plan = Planner.Plan(Input([Ready(1, claimed: true, claimedAt: Now.AddMinutes(-minutesAgo))]));

        if (expected is null)
        {
            plan.Actions.ShouldBeEmpty();
            plan.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Claimed);
            plan.Items[0].Reasons.ShouldHaveSingleItem().Code.ShouldBe("claim-active");
        }
        else
        {
            var release = plan.Actions.OfType<ReleaseClaim>().ShouldHaveSingleItem();
            release.NextAttempt.ShouldBe(2);
            release.PullRequest.ShouldBeNull();
            release.Reasons.ShouldHaveSingleItem().Code.ShouldBe("claim-expired");
            plan.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Released);
        }
    }

    [Fact]
    public void Plan_OurClaimPastTheTimeout_IsReleasedNotResumed()
    {
        var plan = Planner.Plan(Input([Ready(1, claimed: true)], memories: Ours(claimedAt: Now.AddHours(-3))));

        plan.Actions.ShouldNotContain(a => a is StartAttempt);
        plan.Actions.OfType<ReleaseClaim>().ShouldHaveSingleItem().NextAttempt.ShouldBe(2);
    }

    [Fact]
    public void Plan_StaleClaimOnTheLastAttempt_BlocksTheItem()
    {
        var plan = Planner.Plan(Input([Ready(1, claimed: true)], memories: Ours(attempt: Config.Loop.MaxAttempts, claimedAt: Now.AddHours(-3))));

        plan.Actions.OfType<BlockItem>().ShouldHaveSingleItem().Reasons.ShouldHaveSingleItem().Code.ShouldBe("claim-blocked");
        plan.Actions.ShouldNotContain(a => a is ReleaseClaim || a is StartAttempt);
    }

    [Fact]
    public void Plan_BlockedIssue_StartsNothing()
    {
        var plan = Planner.Plan(Input([Issue(1, [Labels.Ready, Labels.Blocked, "area:docs", "risk:low"])]));

        plan.Actions.ShouldBeEmpty();
        plan.Items.ShouldHaveSingleItem().Phase.ShouldBe(ItemPhase.Blocked);
    }
}
