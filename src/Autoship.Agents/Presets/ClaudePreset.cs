namespace Autoship.Agents;

/// <summary>
/// Claude Code in headless mode. Flags, from https://docs.claude.com/en/docs/claude-code/headless and the CLI
/// reference (https://docs.claude.com/en/docs/claude-code/cli-reference):
/// <c>-p/--print PROMPT</c> runs non-interactively and prints the result; <c>--output-format text</c> prints the
/// final message only (reviewers must end it with the JSON verdict); <c>--permission-mode acceptEdits</c>
/// auto-accepts file edits without a person; <c>--permission-mode plan</c> is read-only analysis (reviewers);
/// <c>--model</c> picks the model. The API key comes only from a variable the agent's <c>env:</c> names
/// (e.g. ANTHROPIC_API_KEY).
/// </summary>
public sealed class ClaudePreset : IAgentPreset
{
    public string Name => "claude";

    public IReadOnlyList<string> Author(PresetContext c) => Build(c, "acceptEdits");

    public IReadOnlyList<string> Reviewer(PresetContext c) => Build(c, "plan");

    private static List<string> Build(PresetContext c, string mode)
    {
        List<string> argv = ["claude", "-p", c.PromptText, "--output-format", "text", "--permission-mode", mode];
        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["--model", c.Runner.Model]);
        }

        argv.AddRange(c.Runner.Args);
        return argv;
    }
}
