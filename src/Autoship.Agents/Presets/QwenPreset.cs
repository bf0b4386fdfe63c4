using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// Qwen Code headless (<c>qwen --help</c> of 0.24.4): <c>-p</c> runs one-shot, the prompt comes on stdin (<c>-p</c>'s
/// text is appended to it); <c>--output-format json</c> prints the session's messages ending with a
/// <c>type: result</c> object (<c>result</c>, <c>usage</c>, <c>num_turns</c>, like Claude Code's).
/// <c>--approval-mode yolo</c> for authors, <c>plan</c> ("analyze only, do not modify files or execute commands")
/// for reviewers. Isolation: <c>--safe-mode</c> ("disable all customizations: context files, hooks, extensions,
/// skills, MCP servers"), a system-overrides settings file (QWEN_CODE_SYSTEM_SETTINGS_PATH in the run's HOME) with
/// hooks off, no MCP server allowed and no tool discovery command, and <c>--allowed-mcp-server-names</c> naming none.
/// <c>--auth-type openai</c> with <c>--chat-recording false</c> (no session files). Credentials: OPENAI_API_KEY,
/// endpoint OPENAI_BASE_URL (OpenAI-compatible, e.g. DashScope).
/// </summary>
public sealed class QwenPreset : IAgentPreset
{
    internal const string SystemSettings = ".autoship/qwen-system-settings.json";

    public string Name => "qwen";

    public IReadOnlyList<string> Credentials { get; } = ["OPENAI_API_KEY", "OPENAI_BASE_URL"];

    public string Executable(RunnerSettings runner) => "qwen";

    public PresetCommand Author(PresetContext c) => Build(c, "yolo");

    public PresetCommand Reviewer(PresetContext c) => Build(c, "plan");

    private static PresetCommand Build(PresetContext c, string mode)
    {
        List<string> argv =
        [
            "qwen", "-p", GeminiPreset.Instruction, "--output-format", "json", "--approval-mode", mode, "--safe-mode",
            "--auth-type", "openai", "--chat-recording", "false", "--allowed-mcp-server-names", GeminiPreset.NoServer,
        ];
        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["-m", c.Runner.Model]);
        }

        argv.AddRange(c.Runner.Args);
        var home = c.Env.GetValueOrDefault("HOME") ?? Path.GetTempPath();
        const string settings = """{"hooksConfig":{"enabled":false},"mcp":{"allowed":["autoship-no-mcp-server"]},"tools":{"discoveryCommand":"","callCommand":""},"privacy":{"usageStatisticsEnabled":false},"telemetry":{"enabled":false},"general":{"enableAutoUpdate":false}}""";
        return new PresetCommand(argv, c.PromptText, new Dictionary<string, string>
        {
            ["QWEN_CODE_SYSTEM_SETTINGS_PATH"] = Path.Combine(home, SystemSettings),
            ["QWEN_CODE_SUPPRESS_YOLO_WARNING"] = "1",
        })
        { HomeFiles = new Dictionary<string, string> { [SystemSettings] = settings } };
    }

    public PresetOutput Parse(string stdout) => new ClaudePreset().Parse(stdout);
}
