using Autoship.Forge.Git;
using Polly;
using Polly.Retry;

namespace Autoship.Agents;

/// <summary>
/// Retries the runner's own transient failures (a git lock held by a concurrent process, a busy file) with
/// exponential backoff and jitter. Agent failures are never retried here: that is an attempt, counted by the
/// spend policy.
/// </summary>
public static class TransientRetry
{
    public static ResiliencePipeline Create(TimeProvider time, int maxRetries = 3, TimeSpan? delay = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<GitException>(IsTransient).Handle<IOException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = maxRetries,
                Delay = delay ?? TimeSpan.FromMilliseconds(200),
            })
            .Build();

    internal static bool IsTransient(GitException e) =>
        e.Message.Contains(".lock", StringComparison.Ordinal) || e.Message.Contains("Unable to create", StringComparison.Ordinal)
        || e.Message.Contains("could not lock", StringComparison.OrdinalIgnoreCase);
}
