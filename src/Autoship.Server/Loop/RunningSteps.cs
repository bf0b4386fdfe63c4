using Autoship.Agents;

namespace Autoship.Server.Loop;

/// <summary>
/// What runs now in this server for one repository — a tick's passes and actions, agents in the worker pool — with
/// when each started and its last output line, for the dashboard's "Running now" and <c>/api/status</c>; every event
/// is also handed on to <paramref name="next"/> (the plain progress lines of the server's log). Thread-safe and never
/// throws, as <see cref="IAgentProgress"/> requires.
/// </summary>
public sealed class RunningSteps(TimeProvider clock, IAgentProgress? next = null) : IAgentProgress
{
    /// <summary>At most this many steps are kept (a runaway producer cannot grow the server's memory).</summary>
    public const int MaxSteps = 200;

    private readonly object gate = new();
    private readonly Dictionary<string, RunningStep> steps = new(StringComparer.Ordinal);

    public void Started(ProgressStep step)
    {
        lock (gate)
        {
            if (steps.Count < MaxSteps || steps.ContainsKey(step.Id))
            {
                steps[step.Id] = new RunningStep(step.Id, step.What, clock.GetUtcNow(), null, null);
            }
        }

        Forward(p => p.Started(step));
    }

    public void Line(ProgressStep step, string line)
    {
        lock (gate)
        {
            if (steps.TryGetValue(step.Id, out var known))
            {
                steps[step.Id] = known with { LastLine = line, LastLineAt = clock.GetUtcNow() };
            }
        }

        Forward(p => p.Line(step, line));
    }

    public void Finished(ProgressStep step, string outcome)
    {
        lock (gate)
        {
            steps.Remove(step.Id);
        }

        Forward(p => p.Finished(step, outcome));
    }

    /// <summary>The steps running now, the longest-running first.</summary>
    public IReadOnlyList<RunningStep> Snapshot()
    {
        lock (gate)
        {
            return steps.Values.OrderBy(s => s.StartedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        }
    }

    private void Forward(Action<IAgentProgress> report)
    {
        if (next is null)
        {
            return;
        }

        try
        {
            report(next);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The log is gone (a closed stream): the dashboard still shows the step.
        }
    }
}

/// <summary>One step that runs now: what it is, since when, and the last line it printed (and when).</summary>
public sealed record RunningStep(string Id, string What, DateTimeOffset StartedAt, string? LastLine, DateTimeOffset? LastLineAt);
