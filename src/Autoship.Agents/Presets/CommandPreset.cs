namespace Autoship.Agents;

/// <summary>
/// Any command: the agent's <c>command:</c> is the argv list, run without a shell. Placeholders
/// <c>{prompt_file}</c>, <c>{worktree}</c> and <c>{model}</c> are substituted inside each argument; extra
/// <c>args</c> are appended. Reviewers run the same command and must print the JSON verdict.
/// </summary>
public sealed class CommandPreset : IAgentPreset
{
    public string Name => "command";

    public IReadOnlyList<string> Credentials { get; } = [];

    public string Executable(Autoship.Core.Config.RunnerSettings runner) => runner.Command.Count > 0 ? runner.Command[0] : string.Empty;

    public PresetCommand Author(PresetContext c) => new(Build(c));

    public PresetCommand Reviewer(PresetContext c) => new(Build(c));

    private static List<string> Build(PresetContext c)
    {
        if (c.Runner.Command.Count == 0 || string.IsNullOrWhiteSpace(c.Runner.Command[0]))
        {
            throw new PresetException("runner `command` needs a non-empty `command:` argv list");
        }

        return c.Runner.Command.Concat(c.Runner.Args).Select(a => a
            .Replace("{prompt_file}", c.PromptFile, StringComparison.Ordinal)
            .Replace("{worktree}", c.Worktree, StringComparison.Ordinal)
            .Replace("{model}", c.Runner.Model ?? string.Empty, StringComparison.Ordinal)).ToList();
    }
}
