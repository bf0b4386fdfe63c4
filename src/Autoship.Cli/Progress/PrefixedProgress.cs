using Autoship.Agents;

namespace Autoship.Cli.Progress;

/// <summary>One repository's progress on a log that several share (<c>serve</c> with many repositories): each step is named, and kept apart, by its repository.</summary>
internal sealed class PrefixedProgress(IAgentProgress inner, string repository) : IAgentProgress
{
    public void Started(ProgressStep step) => inner.Started(Prefixed(step));

    public void Line(ProgressStep step, string line) => inner.Line(Prefixed(step), line);

    public void Finished(ProgressStep step, string outcome) => inner.Finished(Prefixed(step), outcome);

    private ProgressStep Prefixed(ProgressStep step) => new(repository + "\n" + step.Id, $"{repository}: {step.What}");
}
