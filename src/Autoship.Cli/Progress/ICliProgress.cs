using Autoship.Agents;

namespace Autoship.Cli.Progress;

/// <summary>A command's live progress on stderr: a Spectre status on a terminal, throttled plain lines otherwise, nothing with --quiet.</summary>
internal interface ICliProgress : IDisposable
{
    /// <summary>What the reconciler and the agent runner report to; null with --quiet.</summary>
    IAgentProgress? Sink { get; }

    /// <summary>Runs <paramref name="body"/> while progress is shown (the live status lasts exactly as long).</summary>
    Task<T> RunAsync<T>(Func<Task<T>> body);
}

/// <summary>--quiet: no progress at all.</summary>
internal sealed class NoProgress : ICliProgress
{
    public static NoProgress Instance { get; } = new();

    public IAgentProgress? Sink => null;

    public Task<T> RunAsync<T>(Func<Task<T>> body) => body();

    public void Dispose()
    {
    }
}
