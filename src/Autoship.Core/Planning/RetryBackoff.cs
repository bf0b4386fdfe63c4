using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>
/// How long an item waits after a failed attempt before the next one starts: 5 minutes, doubling with each attempt,
/// never longer than the claim timeout. A broken agent or patch cannot burn every attempt in one tick.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan Base = TimeSpan.FromMinutes(5);

    public static TimeSpan After(int failedAttempt, LoopSettings loop)
    {
        var exponent = Math.Clamp(failedAttempt - 1, 0, 16);
        var delay = TimeSpan.FromTicks(Base.Ticks * (1L << exponent));
        return delay < loop.ClaimTimeout ? delay : loop.ClaimTimeout;
    }

    public static Reason Waiting(int nextAttempt, DateTimeOffset retryAfter) =>
        new("retry-backoff", $"attempt {nextAttempt} waits until {retryAfter:yyyy-MM-dd HH:mm} UTC (backoff after a failed attempt)");
}
