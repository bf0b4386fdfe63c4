namespace Autoship.Core.Progress;

/// <summary>
/// Decides when a plain progress line is printed (CI logs, Actions, a pipe), so a chatty agent does not flood the log
/// and a silent one is still seen to be alive. A step that ends within <see cref="StartDelay"/> prints one line (its
/// end); a longer one prints when it passes <see cref="StartDelay"/>, then its last output line at most every
/// <see cref="Interval"/>, a "still running" line after <see cref="Heartbeat"/> without output, and always its end.
/// Pure: the time is passed in.
/// </summary>
public sealed record ProgressThrottle(TimeSpan StartDelay, TimeSpan Interval, TimeSpan Heartbeat)
{
    public static ProgressThrottle Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

    /// <summary>A new output line of the step arrived at <paramref name="now"/>.</summary>
    public ThrottleDecision OnLine(StepThrottle step, DateTimeOffset now)
    {
        var due = step.LastPrinted is { } last ? now - last >= Interval : now - step.Started >= StartDelay;
        return due ? Printed(ProgressPrint.Line, step, now) : new(ProgressPrint.Nothing, step with { LineHeld = true });
    }

    /// <summary>Time passed without an event (a renderer's timer, every second or so).</summary>
    public ThrottleDecision OnPoll(StepThrottle step, DateTimeOffset now)
    {
        if (step.LastPrinted is not { } last)
        {
            return now - step.Started < StartDelay ? new(ProgressPrint.Nothing, step)
                : Printed(step.LineHeld ? ProgressPrint.Line : ProgressPrint.Running, step, now);
        }

        if (step.LineHeld)
        {
            return now - last >= Interval ? Printed(ProgressPrint.Line, step, now) : new(ProgressPrint.Nothing, step);
        }

        return now - last >= Heartbeat ? Printed(ProgressPrint.StillRunning, step, now) : new(ProgressPrint.Nothing, step);
    }

    /// <summary>The step ended: always printed; the renderer adds the last line when <see cref="StepThrottle.LineHeld"/> was set.</summary>
    public ThrottleDecision OnFinish(StepThrottle step, DateTimeOffset now) => Printed(ProgressPrint.Finished, step, now);

    private static ThrottleDecision Printed(ProgressPrint print, StepThrottle step, DateTimeOffset now) =>
        new(print, step with { LastPrinted = now, LineHeld = false });
}
