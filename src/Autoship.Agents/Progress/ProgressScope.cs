using Autoship.Core.Progress;

namespace Autoship.Agents;

/// <summary>One step on an optional <see cref="IAgentProgress"/>: started when created, finished once (disposing an unfinished one reports "stopped").</summary>
public sealed class ProgressScope : IDisposable
{
    private readonly IAgentProgress? sink;
    private int finished;
    private int agentDone;

    private ProgressScope(IAgentProgress? sink, ProgressStep step)
    {
        this.sink = sink;
        Step = step;
        sink?.Started(step);
    }

    public ProgressStep Step { get; }

    public static ProgressScope Start(IAgentProgress? sink, string id, string what) => new(sink, new ProgressStep(id, TerminalText.Clean(what)));

    /// <summary>The agent's own last output line (not the harness's notes or the validation's output), for the step's end.</summary>
    public string? LastAgentLine { get; private set; }

    public void Line(string line) => sink?.Line(Step, line);

    /// <summary>A line the agent (or, after <see cref="AgentDone"/>, the validation) printed: shown like any line; the agent's are remembered for the step's end.</summary>
    public void AgentLine(string line)
    {
        if (Volatile.Read(ref agentDone) == 0)
        {
            LastAgentLine = line;
        }

        Line(line);
    }

    /// <summary>The agent exited: later process output (the harness's validation) is not the agent's.</summary>
    public void AgentDone() => Volatile.Write(ref agentDone, 1);

    public void Finish(string outcome)
    {
        if (Interlocked.Exchange(ref finished, 1) == 0)
        {
            sink?.Finished(Step, TerminalText.Truncate(TerminalText.Clean(outcome), 300));
        }
    }

    public void Dispose() => Finish("stopped");
}
