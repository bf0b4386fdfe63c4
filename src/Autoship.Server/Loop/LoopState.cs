using Autoship.Engine.Loop;
using Autoship.Engine.Reconcile;

namespace Autoship.Server.Loop;

/// <summary>What the dashboard and tests may know about the loop: is a tick running, the last report, and a way to wake it.</summary>
public sealed class LoopState(TickScheduler scheduler)
{
    private readonly Lock gate = new();
    private TaskCompletionSource<TickReport?> nextTick = NewSource();
    private int wakeRequests;
    private int ticks;

    public bool TickRunning { get; private set; }

    public DateTimeOffset? NextTickAt { get; set; }

    public TickReport? LastReport { get; private set; }

    public string? LastError { get; private set; }

    public int Ticks => Volatile.Read(ref ticks);

    public int WakeRequests => Volatile.Read(ref wakeRequests);

    /// <summary>Asks for a tick soon (debounced by the scheduler; never two at once).</summary>
    public void Wake()
    {
        Interlocked.Increment(ref wakeRequests);
        scheduler.Wake();
    }

    /// <summary>Completes when the next tick ends (with its report, or null when it failed).</summary>
    public Task<TickReport?> NextTickAsync()
    {
        lock (gate)
        {
            return nextTick.Task;
        }
    }

    internal void Started() => TickRunning = true;

    internal void Finished(TickReport? report, string? error)
    {
        TaskCompletionSource<TickReport?> done;
        lock (gate)
        {
            TickRunning = false;
            LastReport = report ?? LastReport;
            LastError = error;
            Interlocked.Increment(ref ticks);
            done = nextTick;
            nextTick = NewSource();
        }

        done.TrySetResult(report);
    }

    private static TaskCompletionSource<TickReport?> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
