namespace Autoship.Agents;

/// <summary>
/// Where live progress goes: steps (an agent run, a tick's action) start, print lines, and finish. Lines arrive already
/// cleaned of escape sequences and redacted like run logs. Called from several threads (an agent's stdout and stderr
/// are read at once); an implementation must be thread-safe and must not throw.
/// </summary>
public interface IAgentProgress
{
    void Started(ProgressStep step);

    void Line(ProgressStep step, string line);

    void Finished(ProgressStep step, string outcome);
}

/// <summary>One thing that runs: <paramref name="Id"/> is unique while it runs, <paramref name="What"/> is shown (e.g. <c>#12 author docs-agent</c>).</summary>
public sealed record ProgressStep(string Id, string What);
