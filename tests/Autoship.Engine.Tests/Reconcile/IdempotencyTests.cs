using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;

namespace Autoship.Engine.Tests.Reconcile;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task TickAsync_AfterQuiescence_PerformsNoActionAndPlansNothing()
    {
        await using var demo = await DemoForge.CreateAsync("docs", "auth", "two-areas");
        (await demo.RunUntilQuietAsync()).ShouldBeGreaterThan(0);
        var before = await ForgeState.ReadAsync(demo);

        await using var session = await demo.SessionAsync();
        var dryRun = await session.Reconciler.TickAsync(true, CancellationToken.None);
        var tick = await session.Reconciler.TickAsync(false, CancellationToken.None);

        dryRun.Planned.ShouldBeEmpty();
        tick.Actions.ShouldBeEmpty();
        tick.Outcome.ShouldBe(TickOutcome.Done);
        var after = await ForgeState.ReadAsync(demo);
        after.Items.ShouldBe(before.Items);
        after.Duplicates.ShouldBeEmpty();
    }

    [Fact]
    public async Task TickAsync_DryRun_ChangesNothing()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        var before = await ForgeState.ReadAsync(demo);

        await using var session = await demo.SessionAsync();
        var report = await session.Reconciler.TickAsync(true, CancellationToken.None);

        report.Outcome.ShouldBe(TickOutcome.DryRun);
        report.Planned.Select(p => p.Kind).ShouldContain("start-attempt");
        report.Actions.ShouldBeEmpty();
        (await ForgeState.ReadAsync(demo)).Items.ShouldBe(before.Items);
        (await session.Forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldBeEmpty();
    }
}
