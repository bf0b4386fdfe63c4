using Autoship.Agents;
using Autoship.Engine.Executors;
using Autoship.Engine.Tests.Support;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// A tree is validated once: the harness runs the entrypoint on a clean checkout of the change as local CI runs it,
/// and CI reuses that pass for the pushed commit (and the merge queue's candidate, when its tree is the same); a
/// lane-A item's base count comes from the base tree's pass. Counted by the entrypoint itself, which appends a line
/// to a file outside every checkout each time it really runs.
/// </summary>
public sealed class ValidateOnceTests
{
    private static Task<(int Runs, bool Closed)> RunLaneAItemsAsync(bool share, params string[] keys) => RunLaneAItemsAsync(share, jobs: false, keys);

    /// <param name="jobs">Run the agents as jobs on the local executor (an in-process worker pool) instead of inside the tick.</param>
    private static async Task<(int Runs, bool Closed)> RunLaneAItemsAsync(bool share, bool jobs, params string[] keys)
    {
        await using var demo = await DemoForge.CreateAsync();
        demo.ShareValidation = share;
        var counter = Path.Combine(demo.Root, "validation-runs");
        await demo.CommitToMainAsync("scripts/test.sh",
            "#!/usr/bin/env bash\nset -euo pipefail\necho run >> '" + counter + "'\ncd \"$(dirname \"$0\")/..\"\npython3 -m unittest discover -s tests -t . -q\n");
        var numbers = new List<int>();
        foreach (var key in keys)
        {
            numbers.Add(await demo.FileIssueAsync(key));
        }

        if (jobs)
        {
            using var pool = new InProcessLauncher(dir => new AgentRunner(new AgentRunnerOptions(dir) { Time = demo.Clock }));
            var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), pool, demo.Clock);
            await demo.RunUntilQuietAsync(maxTicks: 24, executors: _ => executor, afterTick: pool.WhenAllAsync);
        }
        else
        {
            await demo.RunUntilQuietAsync();
        }

        await using var forge = await demo.OpenAsync(LocalSample.Owner);
        var closed = true;
        foreach (var number in numbers)
        {
            closed &= !(await forge.GetIssueAsync(number, CancellationToken.None))!.Open;
        }

        return (File.Exists(counter) ? File.ReadAllLines(counter).Length : 0, closed);
    }

    [Fact]
    public async Task LaneAItem_SharedValidation_RunsTheEntrypointTwiceInsteadOfThreeTimes()
    {
        // Before: the harness runs it on the head and on the base (test counts), then CI runs the pushed head again
        // (the queue's candidate has the head's tree, so CI's own cache already skips it).
        var before = await RunLaneAItemsAsync(share: false, "docs");
        // After: the head once, on a clean checkout, reused by CI; the base once.
        var after = await RunLaneAItemsAsync(share: true, "docs");

        before.Closed.ShouldBeTrue("the lane-A item merges without sharing");
        after.Closed.ShouldBeTrue("the lane-A item merges with sharing");
        before.Runs.ShouldBe(3);
        after.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task LaneAItem_AsAJobOnTheLocalExecutor_ValidatedOnceLikeInline()
    {
        // The worker validates a clean checkout for the local forge's CI, as the inline harness does; before, it ran
        // the entrypoint in its worktree (head and base) and CI ran the pushed head again.
        var unshared = await RunLaneAItemsAsync(share: false, jobs: true, "docs");
        var shared = await RunLaneAItemsAsync(share: true, jobs: true, "docs");

        unshared.Closed.ShouldBeTrue("the lane-A item merges through jobs without sharing");
        shared.Closed.ShouldBeTrue("the lane-A item merges through jobs with sharing");
        unshared.Runs.ShouldBe(3);
        shared.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task TwoLaneAItems_OneBase_TheBaseIsValidatedOnce()
    {
        var before = await RunLaneAItemsAsync(share: false, "docs", "test");
        var after = await RunLaneAItemsAsync(share: true, "docs", "test");

        before.Closed.ShouldBeTrue();
        after.Closed.ShouldBeTrue();
        // Each item's head is validated once and CI reuses it; the shared base tree is validated for the first item
        // only; so sharing saves each item's CI run and every base run after the first.
        after.Runs.ShouldBeLessThanOrEqualTo(before.Runs - 3, $"before {before.Runs}, after {after.Runs}");
    }
}
