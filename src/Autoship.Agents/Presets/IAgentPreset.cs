namespace Autoship.Agents;

/// <summary>
/// Maps an agent's settings to its tool's real non-interactive command line. Every preset runs with the
/// worktree as its working directory and a closed stdin; model and extra args come from the config.
/// </summary>
public interface IAgentPreset
{
    string Name { get; }

    /// <summary>The command for an author run (the agent edits files in the worktree).</summary>
    IReadOnlyList<string> Author(PresetContext context);

    /// <summary>The command for a reviewer run (the agent reads and answers; its edits are discarded).</summary>
    IReadOnlyList<string> Reviewer(PresetContext context);
}

public sealed class PresetException(string message) : Exception(message);
