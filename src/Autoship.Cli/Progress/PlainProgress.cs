using Autoship.Agents;
using Autoship.Core.Progress;

namespace Autoship.Cli.Progress;

/// <summary>
/// Progress as plain lines for logs (<c>progress: WHAT (ELAPSED): LINE</c>), throttled by <see cref="ProgressThrottle"/>:
/// a quick step prints one line when it finishes; a long one when it passes the start delay, then its last output line
/// at most every interval, "still running" when it is silent, and its end. A timer of <paramref name="time"/> polls.
/// </summary>
internal sealed class PlainProgress : ICliProgress, IAgentProgress
{
    public const string Prefix = "progress: ";

    private readonly object gate = new();
    private readonly Dictionary<string, StepView> steps = new(StringComparer.Ordinal);
    private readonly TextWriter writer;
    private readonly TimeProvider time;
    private readonly ProgressThrottle throttle;
    private readonly ITimer timer;

    public PlainProgress(TextWriter writer, TimeProvider time, ProgressThrottle? throttle = null)
    {
        this.writer = writer;
        this.time = time;
        this.throttle = throttle ?? ProgressThrottle.Default;
        timer = time.CreateTimer(_ => Poll(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private sealed class StepView(ProgressStep step, StepThrottle state)
    {
        public ProgressStep Step { get; } = step;

        public StepThrottle State { get; set; } = state;

        public string? LastLine { get; set; }
    }

    public IAgentProgress? Sink => this;

    public Task<T> RunAsync<T>(Func<Task<T>> body) => body();

    public void Started(ProgressStep step)
    {
        lock (gate)
        {
            steps[step.Id] = new StepView(step, StepThrottle.StartedAt(time.GetUtcNow()));
        }
    }

    public void Line(ProgressStep step, string line)
    {
        lock (gate)
        {
            if (steps.TryGetValue(step.Id, out var view))
            {
                view.LastLine = line;
                Apply(view, throttle.OnLine(view.State, time.GetUtcNow()), null);
            }
        }
    }

    public void Finished(ProgressStep step, string outcome)
    {
        lock (gate)
        {
            var view = steps.Remove(step.Id, out var known) ? known : new StepView(step, StepThrottle.StartedAt(time.GetUtcNow()));
            Apply(view, throttle.OnFinish(view.State, time.GetUtcNow()), outcome);
        }
    }

    /// <summary>What the timer does: held lines and silent steps become due.</summary>
    public void Poll()
    {
        lock (gate)
        {
            foreach (var view in steps.Values)
            {
                Apply(view, throttle.OnPoll(view.State, time.GetUtcNow()), null);
            }
        }
    }

    private void Apply(StepView view, ThrottleDecision decision, string? outcome)
    {
        var held = view.State.LineHeld;
        view.State = decision.Next;
        var took = time.GetUtcNow() - view.State.Started;
        var elapsed = decision.Print == ProgressPrint.Finished ? ElapsedText.Took(took) : ElapsedText.Format(took);
        var text = decision.Print switch
        {
            ProgressPrint.Running => $"{view.Step.What} ({elapsed}): running",
            ProgressPrint.Line => $"{view.Step.What} ({elapsed}): {view.LastLine}",
            ProgressPrint.StillRunning => $"{view.Step.What} ({elapsed}): still running" + (view.LastLine is { } last ? $"; last output: {last}" : string.Empty),
            ProgressPrint.Finished => $"{view.Step.What} finished in {elapsed}: {outcome}" + (held && view.LastLine is { } line ? $" (last output: {line})" : string.Empty),
            _ => null,
        };
        if (text is null)
        {
            return;
        }

        try
        {
            writer.WriteLine(Prefix + text);
            writer.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // stderr is gone (a closed pipe): progress is not worth failing the work for.
        }
    }

    public void Dispose() => timer.Dispose();
}
