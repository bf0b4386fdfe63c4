namespace Autoship.Forge.GitHub;

/// <summary>How hard to retry: transient failures (5xx, timeouts) and GitHub's secondary rate limit.</summary>
public sealed record ResilienceSettings(
    int MaxRetries = 3,
    TimeSpan? BaseDelay = null,
    TimeSpan? AttemptTimeout = null,
    TimeSpan? MaxSecondaryWait = null)
{
    public TimeSpan Delay => BaseDelay ?? TimeSpan.FromSeconds(1);

    public TimeSpan Timeout => AttemptTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>A secondary limit asking us to wait longer than this ends the tick instead of blocking it.</summary>
    public TimeSpan SecondaryWaitLimit => MaxSecondaryWait ?? TimeSpan.FromMinutes(5);
}
