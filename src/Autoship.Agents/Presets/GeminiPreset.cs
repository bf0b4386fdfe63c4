using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// Gemini CLI headless (<c>gemini --help</c> of 0.61.0; docs/cli/headless.md, trusted-folders.md, enterprise.md in its
/// bundle): <c>-p</c> runs non-interactively, the prompt comes on stdin (<c>-p</c>'s text is appended to it);
/// <c>--output-format json</c> prints one object with <c>response</c> and <c>stats.models.*.tokens</c>.
/// <c>--approval-mode yolo</c> for authors (edits and the validation command), <c>plan</c> (read-only) for reviewers.
/// Isolation: a system-overrides settings file (GEMINI_CLI_SYSTEM_SETTINGS_PATH, written into the run's HOME) has the
/// final say over the repository's <c>.gemini/settings.json</c>: hooks off (<c>hooksConfig.enabled</c>), no MCP server
/// allowed (<c>mcp.allowed</c> names none, plus <c>--allowed-mcp-server-names</c>), no tool discovery/call commands,
/// no extensions (<c>-e none</c>), no telemetry or update checks. GEMINI_CLI_TRUST_WORKSPACE=true is needed because a
/// headless run in an untrusted folder exits (FatalUntrustedWorkspaceError).
/// Credentials: GEMINI_API_KEY, endpoint GOOGLE_GEMINI_BASE_URL.
/// </summary>
public sealed class GeminiPreset : IAgentPreset
{
    internal const string NoServer = "autoship-no-mcp-server";
    internal const string Instruction = "Follow the instructions given above (on stdin).";
    internal const string SystemSettings = ".autoship/gemini-system-settings.json";

    public string Name => "gemini";

    public IReadOnlyList<string> Credentials { get; } = ["GEMINI_API_KEY", "GOOGLE_GEMINI_BASE_URL", "GOOGLE_API_KEY"];

    public IReadOnlyList<string> ModelHosts { get; } = ["generativelanguage.googleapis.com:443"];

    public string Executable(RunnerSettings runner) => "gemini";

    public PresetCommand Author(PresetContext c) => Build(c, "yolo");

    public PresetCommand Reviewer(PresetContext c) => Build(c, "plan");

    private static PresetCommand Build(PresetContext c, string mode)
    {
        List<string> argv = ["gemini", "-p", Instruction, "--output-format", "json", "--approval-mode", mode, "-e", "none", "--allowed-mcp-server-names", NoServer];
        if (!string.IsNullOrWhiteSpace(c.Runner.Model))
        {
            argv.AddRange(["-m", c.Runner.Model]);
        }

        argv.AddRange(c.Runner.Args);
        var home = c.Env.GetValueOrDefault("HOME") ?? Path.GetTempPath();
        FailIfIgnored(Path.Combine(home, SystemSettings));
        var settings = new JsonObject
        {
            ["security"] = new JsonObject { ["auth"] = new JsonObject { ["selectedType"] = "gemini-api-key" } },
            ["hooksConfig"] = new JsonObject { ["enabled"] = false },
            ["mcp"] = new JsonObject { ["allowed"] = new JsonArray(NoServer) },
            ["tools"] = new JsonObject { ["discoveryCommand"] = string.Empty, ["callCommand"] = string.Empty },
            ["privacy"] = new JsonObject { ["usageStatisticsEnabled"] = false },
            ["telemetry"] = new JsonObject { ["enabled"] = false },
            ["general"] = new JsonObject { ["enableAutoUpdate"] = false, ["enableAutoUpdateNotification"] = false },
        };
        return new PresetCommand(argv, c.PromptText, new Dictionary<string, string>
        {
            ["GEMINI_CLI_SYSTEM_SETTINGS_PATH"] = Path.Combine(home, SystemSettings),
            ["GEMINI_CLI_TRUST_WORKSPACE"] = "true",
            ["GEMINI_TELEMETRY_ENABLED"] = "false",
        })
        { HomeFiles = new Dictionary<string, string> { [SystemSettings] = settings.ToJsonString() } };
    }

    /// <summary>
    /// Gemini skips a system settings file below a group- or world-writable directory (e.g. /tmp) with only a warning,
    /// which would silently re-enable the repository's hooks and MCP servers: refuse to start instead.
    /// </summary>
    internal static void FailIfIgnored(string settingsPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var dir = Path.GetDirectoryName(Path.GetFullPath(settingsPath)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir) && (File.GetUnixFileMode(dir) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new PresetException($"the CLI would ignore its isolation settings ({settingsPath}) because '{dir}' is writable by others; keep the state directory (`.autoship/`) outside world-writable directories such as /tmp");
            }
        }
    }

    public PresetOutput Parse(string stdout)
    {
        var result = JsonOutput.LastObject(stdout, o => o.TryGetProperty("response", out _) || o.TryGetProperty("stats", out _));
        if (result is not { } r)
        {
            return new PresetOutput(stdout, null);
        }

        var text = r.TryGetProperty("response", out var res) && res.ValueKind == JsonValueKind.String ? res.GetString()! : stdout;
        long input = 0, output = 0;
        var turns = 0;
        if (r.TryGetProperty("stats", out var stats) && stats.TryGetProperty("models", out var models) && models.ValueKind == JsonValueKind.Object)
        {
            foreach (var m in models.EnumerateObject())
            {
                var tokens = m.Value.TryGetProperty("tokens", out var t) ? t : default;
                input += JsonOutput.Long(tokens, "prompt") ?? JsonOutput.Long(tokens, "input") ?? 0;
                output += JsonOutput.Long(tokens, "candidates") ?? 0;
                turns += (int)(JsonOutput.Long(m.Value.TryGetProperty("api", out var api) ? api : default, "totalRequests") ?? 0);
            }
        }

        return new PresetOutput(text, new RunUsage(input, output, null, turns));
    }
}
