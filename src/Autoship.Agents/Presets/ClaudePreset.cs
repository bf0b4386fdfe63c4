using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// Claude Code headless (https://code.claude.com/docs/en/cli-reference, checked against 2.1.328's <c>--help</c>):
/// <c>-p</c> with the prompt on stdin; <c>--output-format json</c> ends with one result object carrying the final
/// message, <c>total_cost_usd</c>, <c>num_turns</c> and <c>usage</c>. Isolation from the repository under test:
/// <c>--setting-sources user</c> loads no project or local settings (so no hooks, permissions, plugins or env from
/// <c>.claude/settings*.json</c>; the user's settings live in the run's fresh HOME), <c>--strict-mcp-config</c> with no
/// <c>--mcp-config</c> starts no MCP server (not <c>.mcp.json</c>'s). Authors: <c>--permission-mode acceptEdits</c>
/// plus <c>--allowedTools Bash</c> so they can run the validation entrypoint; reviewers: <c>--permission-mode plan</c>.
/// Credentials: ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), endpoint ANTHROPIC_BASE_URL.
/// </summary>
public sealed class ClaudePreset : IAgentPreset
{
    public string Name => "claude";

    public IReadOnlyList<string> Credentials { get; } = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"];

    public IReadOnlyList<string> ModelHosts { get; } = ["api.anthropic.com:443"];

    public string Executable(RunnerSettings runner) => "claude";

    public PresetCommand Author(PresetContext c) => Build(c, ["--permission-mode", "acceptEdits", "--allowedTools", "Bash"]);

    public PresetCommand Reviewer(PresetContext c) => Build(c, ["--permission-mode", "plan"]);

    private static PresetCommand Build(PresetContext c, string[] mode)
    {
        List<string> argv = ["claude", "-p", "--output-format", "json", "--setting-sources", "user", "--strict-mcp-config", .. mode];
        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["--model", c.Runner.Model]);
        }

        argv.AddRange(c.Runner.Args);
        return new PresetCommand(argv, c.PromptText, new Dictionary<string, string>
        {
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
            ["CLAUDE_CODE_DISABLE_TERMINAL_TITLE"] = "1",
        });
    }

    public PresetOutput Parse(string stdout)
    {
        var result = JsonOutput.LastObject(stdout, o => o.TryGetProperty("type", out var t) && t.GetString() == "result");
        if (result is not { } r)
        {
            return new PresetOutput(stdout, null);
        }

        var text = r.TryGetProperty("result", out var res) && res.ValueKind == JsonValueKind.String ? res.GetString()! : stdout;
        var usage = r.TryGetProperty("usage", out var u) ? u : default;
        return new PresetOutput(text, new RunUsage(
            JsonOutput.Long(usage, "input_tokens") + JsonOutput.Long(usage, "cache_read_input_tokens").GetValueOrDefault() + JsonOutput.Long(usage, "cache_creation_input_tokens").GetValueOrDefault(),
            JsonOutput.Long(usage, "output_tokens"),
            r.TryGetProperty("total_cost_usd", out var cost) && cost.ValueKind == JsonValueKind.Number ? cost.GetDecimal() : null,
            (int?)JsonOutput.Long(r, "num_turns")));
    }
}
