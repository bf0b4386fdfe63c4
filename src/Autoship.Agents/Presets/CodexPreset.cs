namespace Autoship.Agents;

/// <summary>
/// OpenAI Codex CLI, non-interactive. Flags, from https://developers.openai.com/codex/noninteractive and the
/// <c>codex exec</c> reference (https://developers.openai.com/codex/cli/reference#codex-exec):
/// <c>codex exec PROMPT</c> runs one task and prints the final message on stdout;
/// <c>--sandbox workspace-write</c> lets it edit the working directory (the docs prefer it over the deprecated
/// <c>--full-auto</c>); <c>--sandbox read-only</c> for reviewers; <c>--ephemeral</c> keeps no session files;
/// <c>-m</c> picks the model. Stdin is closed, which <c>codex exec</c> needs to not wait for piped input.
/// </summary>
public sealed class CodexPreset : IAgentPreset
{
    public string Name => "codex";

    public IReadOnlyList<string> Author(PresetContext c) => Build(c, "workspace-write");

    public IReadOnlyList<string> Reviewer(PresetContext c) => Build(c, "read-only");

    private static List<string> Build(PresetContext c, string sandbox)
    {
        List<string> argv = ["codex", "exec", "--sandbox", sandbox, "--ephemeral"];
        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["-m", c.Runner.Model]);
        }

        argv.AddRange(c.Runner.Args);
        argv.Add(c.PromptText);
        return argv;
    }
}
