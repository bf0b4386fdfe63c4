using Polly;

namespace Autoship.Agents;

/// <summary>Where the runner keeps worktrees and run logs, and the limits and seams it uses.</summary>
public sealed record AgentRunnerOptions(string StateDirectory)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Bytes of output (stdout + stderr) after which an agent is stopped.</summary>
    public long OutputLimitBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Used when an agent's configured timeout or inactivity limit is zero.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan DefaultInactivity { get; init; } = TimeSpan.FromMinutes(10);

    public IGuardrailCheck Guardrails { get; init; } = new CoreGuardrailCheck();

    /// <summary>The environment agents' variables are taken from; null means this process's environment.</summary>
    public IReadOnlyDictionary<string, string>? HarnessEnvironment { get; init; }

    /// <summary>Retries for the runner's own transient failures (worktree creation); null builds the default.</summary>
    public ResiliencePipeline? Retry { get; init; }

    /// <summary>Where live progress of runs goes (item, role, agent, each output line); null reports nothing.</summary>
    public IAgentProgress? Progress { get; init; }

    public string WorktreesDirectory => Path.Combine(StateDirectory, "worktrees");

    public string RunsDirectory => Path.Combine(StateDirectory, "runs");
}
