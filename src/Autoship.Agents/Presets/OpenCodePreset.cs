using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// OpenCode (<c>opencode run --help</c> of 1.18.33, https://opencode.ai/docs/cli/): <c>opencode run</c> takes the
/// message from stdin; <c>--format json</c> prints JSON events (text parts, <c>step_finish</c> with tokens and
/// cost); <c>--agent plan</c> is the read-only agent for reviewers. Isolation (environment):
/// OPENCODE_DISABLE_PROJECT_CONFIG (no <c>opencode.json</c>/<c>.opencode/</c> from the repository, so no MCP
/// servers, plugins or commands from it), OPENCODE_PURE and OPENCODE_DISABLE_DEFAULT_PLUGINS (no plugins),
/// OPENCODE_DISABLE_CLAUDE_CODE (no <c>.claude/</c> skills), OPENCODE_DISABLE_MODELS_FETCH/AUTOUPDATE/SHARE (no
/// traffic but the model's). The configuration is OPENCODE_CONFIG_CONTENT: when OPENAI_BASE_URL is set, a provider
/// <c>autoship</c> (OpenAI-compatible, key from OPENAI_API_KEY) serving the agent's model; its package
/// <c>@ai-sdk/openai-compatible</c> is bundled in the binary, so nothing is fetched for it.
/// No switch stops the other fetch: at every start opencode installs <c>@opencode-ai/plugin</c> from npm into each
/// writable config directory (<c>Npm.install</c> in 1.18.33) unless that directory already has a <c>node_modules</c>
/// and a <c>package-lock.json</c> naming the package (under the egress allow-list the download is refused, and a run
/// was seen ending with exit 137 after its answer). The preset writes both into the run's fresh home
/// (<see cref="ConfigSeed"/>), so opencode asks npm for nothing.
/// </summary>
public sealed class OpenCodePreset : IAgentPreset
{
    public string Name => "opencode";

    /// <summary>The global config directory's install state that makes opencode skip its npm install (paths relative to HOME).</summary>
    internal static readonly IReadOnlyDictionary<string, string> ConfigSeed = new Dictionary<string, string>
    {
        [".config/opencode/package-lock.json"] = """{"packages":{"":{"dependencies":{"@opencode-ai/plugin":"*"}}}}""",
        [".config/opencode/node_modules/.autoship"] = "node_modules exists so that opencode does not install @opencode-ai/plugin from npm\n",
    };

    public IReadOnlyList<string> Credentials { get; } = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY"];

    public string Executable(RunnerSettings runner) => "opencode";

    public PresetCommand Author(PresetContext c) => Build(c, reviewer: false);

    public PresetCommand Reviewer(PresetContext c) => Build(c, reviewer: true);

    private static PresetCommand Build(PresetContext c, bool reviewer)
    {
        List<string> argv = ["opencode", "run", "--format", "json", "--pure"];
        var model = c.Runner.Model;
        var config = new JsonObject
        {
            ["$schema"] = "https://opencode.ai/config.json", ["autoupdate"] = false, ["share"] = "disabled",
            ["permission"] = new JsonObject { ["edit"] = reviewer ? "deny" : "allow", ["bash"] = reviewer ? "deny" : "allow", ["webfetch"] = "deny" },
        };
        if (c.Env.GetValueOrDefault("OPENAI_BASE_URL") is { Length: > 0 } baseUrl)
        {
            var id = string.IsNullOrWhiteSpace(model) ? "default" : model.Split('/')[^1];
            config["provider"] = new JsonObject
            {
                ["autoship"] = new JsonObject
                {
                    ["npm"] = "@ai-sdk/openai-compatible", ["name"] = "autoship",
                    ["options"] = new JsonObject { ["baseURL"] = baseUrl, ["apiKey"] = "{env:OPENAI_API_KEY}" },
                    ["models"] = new JsonObject { [id] = new JsonObject { ["name"] = id } },
                },
            };
            model = "autoship/" + id;
        }

        if (!string.IsNullOrWhiteSpace(model))
        {
            argv.AddRange(["--model", model]);
        }

        if (reviewer)
        {
            argv.AddRange(["--agent", "plan"]);
        }

        argv.AddRange(c.Runner.Args);
        return new PresetCommand(argv, c.PromptText, new Dictionary<string, string>
        {
            ["OPENCODE_CONFIG_CONTENT"] = config.ToJsonString(),
            ["OPENCODE_DISABLE_PROJECT_CONFIG"] = "1",
            ["OPENCODE_PURE"] = "1",
            ["OPENCODE_DISABLE_DEFAULT_PLUGINS"] = "1",
            ["OPENCODE_DISABLE_CLAUDE_CODE"] = "1",
            ["OPENCODE_DISABLE_EXTERNAL_SKILLS"] = "1",
            ["OPENCODE_DISABLE_MODELS_FETCH"] = "1",
            ["OPENCODE_DISABLE_AUTOUPDATE"] = "1",
            ["OPENCODE_DISABLE_SHARE"] = "1",
        })
        { HomeFiles = ConfigSeed };
    }

    public PresetOutput Parse(string stdout)
    {
        var events = JsonOutput.Objects(stdout).ToList();
        var text = new List<string>();
        long input = 0, output = 0;
        decimal cost = 0;
        var turns = 0;
        foreach (var e in events)
        {
            if (!e.TryGetProperty("part", out var part))
            {
                continue;
            }

            var type = part.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "text" && part.TryGetProperty("text", out var tx) && tx.ValueKind == JsonValueKind.String)
            {
                text.Add(tx.GetString()!);
            }
            else if (type == "step-finish")
            {
                turns++;
                if (part.TryGetProperty("tokens", out var tok))
                {
                    input += JsonOutput.Long(tok, "input") ?? 0;
                    output += JsonOutput.Long(tok, "output") ?? 0;
                }

                if (part.TryGetProperty("cost", out var c) && c.ValueKind == JsonValueKind.Number)
                {
                    cost += c.GetDecimal();
                }
            }
        }

        return events.Count == 0 ? new PresetOutput(stdout, null) : new PresetOutput(text.Count > 0 ? text[^1] : stdout, new RunUsage(input, output, cost, turns));
    }
}
