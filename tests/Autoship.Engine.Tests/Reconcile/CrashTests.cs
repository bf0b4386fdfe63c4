using Autoship.Engine.Tests.Support;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// The reconciler is level-triggered: a tick aborted after any of its actions is repaired by the next ones, which
/// converge to the same final state as an uninterrupted run, with no duplicate claim, PR, comment, review or merge.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    // A lane A docs fix that merges by itself and a lane C auth change that a human approves mid-way.
    private static readonly string[] Scenario = ["docs", "auth"];

    [Fact]
    public async Task TickAsync_CrashAfterEachAction_ConvergesToTheCleanRunsState()
    {
        var (clean, actions) = await RunAsync(crashAt: null);
        output.WriteLine($"clean run: {actions} actions\n{clean}");
        clean.Duplicates.ShouldBeEmpty();
        clean.Items.ShouldAllBe(i => i.Contains("phase=merged"));
        actions.ShouldBeInRange(8, 30);

        var failures = new List<string>();
        for (var k = 1; k <= actions; k++)
        {
            var (state, _) = await RunAsync(crashAt: k);
            if (state.Duplicates.Count > 0 || !state.Items.SequenceEqual(clean.Items))
            {
                failures.Add($"crash after action {k}:\n{state}");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n\n", failures));
    }

    /// <summary>Runs the scenario to the end, crashing once after the <paramref name="crashAt"/>-th action (counted over the whole run).</summary>
    private static async Task<(ForgeState State, int Actions)> RunAsync(int? crashAt)
    {
        await using var demo = await DemoForge.CreateAsync(Scenario);
        var count = 0;
        var crashed = false;
        Func<Autoship.Core.Planning.PlannedAction, int, Task> hook = (_, _) =>
        {
            count++;
            if (count == crashAt)
            {
                crashed = true;
                throw new InjectedCrash(count);
            }

            return Task.CompletedTask;
        };

        await demo.RunUntilQuietAsync(hook);
        await demo.ApproveOpenPullRequestsAsync();
        await demo.RunUntilQuietAsync(hook);
        crashed.ShouldBe(crashAt is not null, $"the crash after action {crashAt} was never reached ({count} actions)");
        return (await ForgeState.ReadAsync(demo), count);
    }
}
