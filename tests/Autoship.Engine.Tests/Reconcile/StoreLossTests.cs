using Autoship.Engine.Tests.Support;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>The forge is the source of truth: losing the store loses history, never correctness.</summary>
public sealed class StoreLossTests
{
    [Fact]
    public async Task TickAsync_StoreDeletedBetweenTicks_ConvergesToTheSameOutcome()
    {
        await using var clean = await DemoForge.CreateAsync("docs", "auth");
        await clean.RunUntilQuietAsync();
        await clean.ApproveOpenPullRequestsAsync();
        await clean.RunUntilQuietAsync();
        var expected = await ForgeState.ReadAsync(clean);

        await using var demo = await DemoForge.CreateAsync("docs", "auth");
        await demo.RunUntilQuietAsync();
        var held = await ForgeState.ReadAsync(demo);
        DeleteStore(demo);

        // Nothing to redo: no second claim, PR, review or comment.
        await using (var session = await demo.SessionAsync())
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            report.Actions.Select(a => a.Message).ShouldBeEmpty();
        }

        (await ForgeState.ReadAsync(demo)).Items.ShouldBe(held.Items);
        await demo.ApproveOpenPullRequestsAsync();
        DeleteStore(demo);
        await demo.RunUntilQuietAsync();

        var state = await ForgeState.ReadAsync(demo);
        state.Duplicates.ShouldBeEmpty();
        state.Items.ShouldBe(expected.Items);
    }

    [Fact]
    public async Task TickAsync_StoreDeletedAfterACrashMidRun_ConvergesWithoutDuplicates()
    {
        await using var demo = await DemoForge.CreateAsync("docs", "auth");
        await using (var session = await demo.SessionAsync((_, i) => i == 3 ? throw new InjectedCrash(i) : Task.CompletedTask))
        {
            await Should.ThrowAsync<InjectedCrash>(() => session.Reconciler.TickAsync(false, CancellationToken.None));
        }

        DeleteStore(demo);
        await demo.RunUntilQuietAsync();
        await demo.ApproveOpenPullRequestsAsync();
        await demo.RunUntilQuietAsync();

        var state = await ForgeState.ReadAsync(demo);
        state.Duplicates.ShouldBeEmpty();
        state.Items.ShouldAllBe(i => i.Contains("phase=merged") && i.Contains("claims=1") && i.EndsWith("prs=[a1:merged]"));
    }

    private static void DeleteStore(DemoForge demo)
    {
        foreach (var file in Directory.GetFiles(demo.StateDirectory, "state.db*"))
        {
            File.Delete(file);
        }

        File.Exists(demo.StorePath).ShouldBeFalse();
    }
}
