using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>What a preset needs to build a command line: the agent's runner settings and where the prompt is.</summary>
public sealed record PresetContext(RunnerSettings Runner, string PromptFile, string PromptText, string Worktree);
