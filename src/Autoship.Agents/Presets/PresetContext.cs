using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>What a preset needs to build a command line: the agent's runner settings, the prompt and the agent's environment.</summary>
public sealed record PresetContext(RunnerSettings Runner, string PromptFile, string PromptText, string Worktree)
{
    /// <summary>The agent's (allow-listed) environment, e.g. for a model base URL the CLI only takes as configuration.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
}
