namespace Autoship.Agents;

/// <summary>
/// Maps an agent's settings to its tool's real non-interactive command line. Every preset runs with the worktree
/// as its working directory; the prompt goes by stdin or a file wherever the CLI supports it (never only argv, which
/// is limited to 128 KiB per argument). Adding a preset: one class implementing this, one line in
/// <see cref="AgentPresets"/> (see AGENTS.md, "Add an agent preset").
/// </summary>
public interface IAgentPreset
{
    string Name { get; }

    /// <summary>The executable the preset starts (what <c>doctor</c> looks for and starts with <c>--version</c>).</summary>
    string Executable(Autoship.Core.Config.RunnerSettings runner);

    /// <summary>Variables the CLI reads for its model endpoint and key; the agent's <c>env:</c> must name the key.</summary>
    IReadOnlyList<string> Credentials { get; }

    /// <summary>The hosts of the CLI's built-in model provider, allowed under <c>network: allow-list</c> (a base-URL variable adds its own host).</summary>
    IReadOnlyList<string> ModelHosts => [];

    /// <summary>The command for an author run (the agent edits files in the worktree).</summary>
    PresetCommand Author(PresetContext context);

    /// <summary>The command for a reviewer run (the agent reads and answers; its edits are discarded).</summary>
    PresetCommand Reviewer(PresetContext context);

    /// <summary>The final message and usage from the CLI's stdout (its machine-readable form where it has one).</summary>
    PresetOutput Parse(string stdout) => new(stdout, null);
}

/// <summary>
/// An argv, the text for stdin (null: closed), variables the preset sets (settings isolation, no telemetry) and
/// files written under the run's fresh HOME before the start (path relative to HOME → content), e.g. a settings file
/// that overrides whatever the repository under test carries. Under bwrap each is mounted read-only at the same place
/// in the sandbox's fresh home.
/// </summary>
public sealed record PresetCommand(IReadOnlyList<string> Argv, string? Stdin = null, IReadOnlyDictionary<string, string>? Env = null)
{
    public IReadOnlyDictionary<string, string> HomeFiles { get; init; } = new Dictionary<string, string>();
}

/// <summary>The agent's final message and what it spent, parsed from its output.</summary>
public sealed record PresetOutput(string FinalText, RunUsage? Usage);

public sealed class PresetException(string message) : Exception(message);
