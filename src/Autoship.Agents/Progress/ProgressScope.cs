using Autoship.Core.Progress;

namespace Autoship.Agents;

/// <summary>One step on an optional <see cref="IAgentProgress"/>: started when created, finished once (disposing an unfinished one reports "stopped").</summary>
public sealed class ProgressScope : IDisposable
{
    private readonly IAgentProgress? sink;
    private int finished;

    private ProgressScope(IAgentProgress? sink, ProgressStep step)
    {
        this.sink = sink;
        Step = step;
        sink?.Started(step);
    }

    public ProgressStep Step { get; }

    public static ProgressScope Start(IAgentProgress? sink, string id, string what) => new(sink, new ProgressStep(id, TerminalText.Clean(what)));

    public void Line(string line) => sink?.Line(Step, line);

    public void Finish(string outcome)
    {
        if (Interlocked.Exchange(ref finished, 1) == 0)
        {
            sink?.Finished(Step, TerminalText.Truncate(TerminalText.Clean(outcome), 300));
        }
    }

    public void Dispose() => Finish("stopped");
}
