namespace Autoship.Agents;

/// <summary>
/// OpenCode, non-interactive. Flags, from https://opencode.ai/docs/cli/ (<c>run</c> command):
/// <c>opencode run MESSAGE</c> runs one prompt without the TUI; <c>-m/--model provider/model</c> picks the model;
/// <c>--agent plan</c> selects OpenCode's built-in read-only planning agent for reviewers.
/// </summary>
public sealed class OpenCodePreset : IAgentPreset
{
    public string Name => "opencode";

    public IReadOnlyList<string> Author(PresetContext c) => Build(c, reviewer: false);

    public IReadOnlyList<string> Reviewer(PresetContext c) => Build(c, reviewer: true);

    private static List<string> Build(PresetContext c, bool reviewer)
    {
        List<string> argv = ["opencode", "run"];
        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["--model", c.Runner.Model]);
        }

        if (reviewer)
        {
            argv.AddRange(["--agent", "plan"]);
        }

        argv.AddRange(c.Runner.Args);
        argv.Add(c.PromptText);
        return argv;
    }
}
