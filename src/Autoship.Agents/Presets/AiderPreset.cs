namespace Autoship.Agents;

/// <summary>
/// Aider, scripted. Flags, from https://aider.chat/docs/scripting.html and https://aider.chat/docs/config/options.html:
/// <c>--message-file F</c> sends the prompt file, applies the edits and exits; <c>--yes-always</c> answers every
/// confirmation; <c>--no-auto-commits</c> leaves committing to the harness; <c>--no-stream</c> prints whole
/// replies; <c>--dry-run</c> makes reviewers unable to write files; <c>--model</c> picks the model.
/// </summary>
public sealed class AiderPreset : IAgentPreset
{
    public string Name => "aider";

    public IReadOnlyList<string> Author(PresetContext c) => Build(c, reviewer: false);

    public IReadOnlyList<string> Reviewer(PresetContext c) => Build(c, reviewer: true);

    private static List<string> Build(PresetContext c, bool reviewer)
    {
        List<string> argv = ["aider", "--message-file", c.PromptFile, "--yes-always", "--no-auto-commits", "--no-stream"];
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
