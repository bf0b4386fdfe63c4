using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// OpenAI Codex CLI (<c>codex exec --help</c> of 0.169.0, https://developers.openai.com/codex/noninteractive):
/// <c>codex exec -</c> reads the prompt from stdin; <c>--json</c> prints JSONL events (the final
/// <c>agent_message</c>, <c>turn.completed</c> with usage); <c>--sandbox workspace-write|read-only</c>;
/// <c>--ephemeral</c> keeps no session files. Isolation: <c>--ignore-user-config</c> and <c>--ignore-rules</c>
/// (no execpolicy rules from the repository), and project <c>.codex/config.toml</c> and hooks are only honoured for
/// trusted projects, which a fresh CODEX_HOME never has (we never pass <c>--trust</c>). Credentials: codex's
/// built-in provider sends <c>Authorization</c> only from CODEX_API_KEY and ignores OPENAI_BASE_URL, so when the
/// agent's environment sets OPENAI_BASE_URL the preset defines a provider <c>autoship</c> with that base URL and
/// <c>env_key = CODEX_API_KEY</c>.
/// </summary>
public sealed class CodexPreset : IAgentPreset
{
    public string Name => "codex";

    public IReadOnlyList<string> Credentials { get; } = ["CODEX_API_KEY", "OPENAI_BASE_URL"];

    public IReadOnlyList<string> ModelHosts { get; } = ["api.openai.com:443"];

    public string Executable(RunnerSettings runner) => "codex";

    public PresetCommand Author(PresetContext c) => Build(c, "workspace-write");

    public PresetCommand Reviewer(PresetContext c) => Build(c, "read-only");

    private static PresetCommand Build(PresetContext c, string sandbox)
    {
        List<string> argv = ["codex", "exec", "--json", "--sandbox", sandbox, "--ephemeral", "--ignore-user-config", "--ignore-rules", "--skip-git-repo-check", "--color", "never"];
        if (c.Env.GetValueOrDefault("OPENAI_BASE_URL") is { Length: > 0 } baseUrl)
        {
            argv.AddRange([
                "-c", $"model_providers.autoship={{ name = \"autoship\", base_url = \"{baseUrl}\", env_key = \"CODEX_API_KEY\", wire_api = \"responses\" }}",
                "-c", "model_provider=\"autoship\""]);
        }

        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["-m", c.Runner.Model]);
        }

        argv.AddRange(c.Runner.Args);
        argv.Add("-");
        return new PresetCommand(argv, c.PromptText);
    }

    public PresetOutput Parse(string stdout)
    {
        var events = JsonOutput.Objects(stdout).ToList();
        string? text = null;
        long input = 0, output = 0;
        var turns = 0;
        foreach (var e in events)
        {
            var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "item.completed" && e.TryGetProperty("item", out var item) && item.TryGetProperty("type", out var it) && it.GetString() == "agent_message"
                && item.TryGetProperty("text", out var tx) && tx.ValueKind == JsonValueKind.String)
            {
                text = tx.GetString();
            }
            else if (type == "turn.completed" && e.TryGetProperty("usage", out var u))
            {
                turns++;
                input += JsonOutput.Long(u, "input_tokens") ?? 0;
                output += JsonOutput.Long(u, "output_tokens") ?? 0;
            }
        }

        return events.Count == 0 ? new PresetOutput(stdout, null) : new PresetOutput(text ?? stdout, new RunUsage(input, output, null, turns));
    }
}
