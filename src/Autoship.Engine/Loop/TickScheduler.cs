using Cronos;

namespace Autoship.Engine.Loop;

/// <summary>
/// Runs ticks on the configured cron schedule and whenever something wakes it (a webhook), never two at once.
/// Wake-ups are debounced: several signals while a tick runs or waits cause one more tick, not many.
/// </summary>
public sealed class TickScheduler(TimeProvider clock, TimeSpan debounce)
{
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Asks for a tick soon (debounced). Safe from any thread.</summary>
    public void Wake()
    {
        try
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending wake-up is enough.
        }
    }

    public static DateTimeOffset Next(string schedule, DateTimeOffset now) =>
        CronExpression.Parse(schedule).GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is { } next
            ? new DateTimeOffset(next, TimeSpan.Zero)
            : now.AddMinutes(15);

    /// <summary>Ticks now, then on each schedule occurrence or wake-up, until cancelled. A tick in progress finishes its current action.</summary>
    public Task RunAsync(Func<string> schedule, Func<CancellationToken, Task> tick, Action<DateTimeOffset>? onIdle, CancellationToken cancellationToken) =>
        RunAsync(now => Next(schedule(), now), tick, onIdle, cancellationToken);

    /// <summary>As above, with the next tick's time computed from now (a cron schedule, or a fixed interval of <c>serve --every</c>).</summary>
    public async Task RunAsync(Func<DateTimeOffset, DateTimeOffset> nextAfter, Func<CancellationToken, Task> tick, Action<DateTimeOffset>? onIdle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nextAfter);
        while (!cancellationToken.IsCancellationRequested)
        {
            await tick(cancellationToken);
            var next = nextAfter(clock.GetUtcNow());
            onIdle?.Invoke(next);
            var delay = next - clock.GetUtcNow();
            if (delay < TimeSpan.Zero)
            {
                delay = TimeSpan.Zero;
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var scheduled = Task.Delay(delay, clock, timer.Token);
            var woken = wake.WaitAsync(timer.Token);
            try
            {
                var first = await Task.WhenAny(scheduled, woken);
                if (first == woken && debounce > TimeSpan.Zero)
                {
                    await Task.Delay(debounce, clock, cancellationToken);
                }
            }
            finally
            {
                await timer.CancelAsync();
            }

            try
            {
                await Task.WhenAll(scheduled, woken);
            }
            catch (OperationCanceledException)
            {
                // The other waiter was cancelled on purpose.
            }
        }
    }
}
