using Autoship.Forge.Git;

namespace Autoship.Agents.Tests;

public sealed class TransientRetryTests
{
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
