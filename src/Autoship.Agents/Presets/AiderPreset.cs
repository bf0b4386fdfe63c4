namespace Autoship.Agents;

/// <summary>
/// Aider, scripted. Flags, from https://aider.chat/docs/scripting.html and https://aider.chat/docs/config/options.html:
/// <c>--message-file F</c> sends the prompt file, applies the edits and exits; <c>--yes-always</c> answers every
/// confirmation; <c>--no-auto-commits</c> leaves committing to the harness; <c>--no-stream</c> prints whole
/// replies; <c>--dry-run</c> makes reviewers unable to write files; <c>--model</c> picks the model. Nothing of
/// aider's own may land in the change: <c>--no-gitignore</c> (no <c>.aider*</c> line added to .gitignore) and the
/// chat/input history and LLM log files point into the run's HOME (outside the worktree), and
/// <c>--no-check-update</c>, <c>--no-analytics</c> and <c>--no-show-release-notes</c> keep it off the network.
/// Credentials: the provider's variable (OPENAI_API_KEY, ANTHROPIC_API_KEY, …; base URL OPENAI_API_BASE).
/// </summary>
public sealed class AiderPreset : IAgentPreset
{
    public string Name => "aider";

    public IReadOnlyList<string> Credentials { get; } = ["OPENAI_API_KEY", "OPENAI_API_BASE", "ANTHROPIC_API_KEY"];

    public string Executable(Autoship.Core.Config.RunnerSettings runner) => "aider";

    public PresetCommand Author(PresetContext c) => new(Build(c, reviewer: false));

    public PresetCommand Reviewer(PresetContext c) => new(Build(c, reviewer: true));

    private static List<string> Build(PresetContext c, bool reviewer)
    {
        var home = c.Env.GetValueOrDefault("HOME") ?? Path.GetTempPath();
        List<string> argv =
        [
            "aider", "--message-file", c.PromptFile, "--yes-always", "--no-auto-commits", "--no-dirty-commits", "--no-stream",
            "--no-gitignore", "--no-check-update", "--no-analytics", "--no-show-release-notes", "--no-pretty",
            "--input-history-file", Path.Combine(home, ".aider.input.history"),
            "--chat-history-file", Path.Combine(home, ".aider.chat.history.md"),
        ];
        if (reviewer)
        {
            argv.Add("--dry-run");
        }

        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["--model", c.Runner.Model]);
        }

        argv.AddRange(c.Runner.Args);
        return argv;
    }
}
