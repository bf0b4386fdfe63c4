using Autoship.Forge.Git;

namespace Autoship.Agents.Tests;

public sealed class ConcurrencyAndRetryTests
{
    [Fact]
    public async Task AcquireAsync_PerAgentLimit_SecondWaitsUntilFirstReleased()
    {
        var c = new AgentConcurrency(5, new Dictionary<string, int> { ["a"] = 1 });
        var first = await c.AcquireAsync("a", TestContext.Current.CancellationToken);
        var second = c.AcquireAsync("a", TestContext.Current.CancellationToken);
        var other = await c.AcquireAsync("b", TestContext.Current.CancellationToken);
        second.IsCompleted.ShouldBeFalse();
        first.Dispose();
        (await second).Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task AcquireAsync_OverallLimit_AppliesAcrossAgents()
    {
        var c = new AgentConcurrency(1, new Dictionary<string, int>());
        var first = await c.AcquireAsync("a", TestContext.Current.CancellationToken);
        var second = c.AcquireAsync("b", TestContext.Current.CancellationToken);
        second.IsCompleted.ShouldBeFalse();
        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ThrowsAndLeavesNoSlotTaken()
    {
        var c = new AgentConcurrency(1, new Dictionary<string, int> { ["a"] = 1 });
        var held = await c.AcquireAsync("b", TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var waiting = c.AcquireAsync("a", cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(waiting);
        held.Dispose();
        // "a" got its agent slot back when the overall wait was cancelled.
        (await c.AcquireAsync("a", TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task TransientRetry_GitLock_RetriedUntilSuccess()
    {
        var calls = 0;
        var pipeline = TransientRetry.Create(TimeProvider.System, maxRetries: 3, delay: TimeSpan.FromMilliseconds(1));
        var result = await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return calls < 3 ? throw new GitException("fatal: Unable to create '/r/.git/index.lock': File exists.") : ValueTask.FromResult(42);
        }, TestContext.Current.CancellationToken);
        result.ShouldBe(42);
        calls.ShouldBe(3);
    }

    [Fact]
    public async Task TransientRetry_OtherGitError_NotRetried()
    {
        var calls = 0;
        var pipeline = TransientRetry.Create(TimeProvider.System, maxRetries: 3, delay: TimeSpan.FromMilliseconds(1));
        await Should.ThrowAsync<GitException>(async () => await pipeline.ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new GitException("fatal: invalid reference: nope");
        }, TestContext.Current.CancellationToken));
        calls.ShouldBe(1);
    }
}
