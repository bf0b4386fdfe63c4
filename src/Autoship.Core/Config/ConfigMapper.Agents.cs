namespace Autoship.Core.Config;

internal sealed partial class ConfigMapper
{
    // Agents run with a scrubbed environment; a forge token passed through would give them the harness's power.
    private static readonly string[] ForbiddenEnv = ["GITHUB_TOKEN", "GH_TOKEN", "AUTOSHIP_TOKEN", "AUTOSHIP_REVIEWER_TOKEN"];

    private IReadOnlyList<AgentDefinition> ReadAgents(MapView root)
    {
        var agents = new List<AgentDefinition>();
        var items = root.Items("agents", required: true);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"agents[{i}]";
            var view = MapView.Open(reader, items[i], path, path, ConfigKeys.Agent);
            var name = view.String("name", string.Empty, required: true);
            if (view.Has("name") && !ConfigNames.IsName(name))
            {
                reader.ErrorAt(path + ".name", $"agent name '{name}' must be lowercase letters, digits and '-'");
            }
            else if (name.Length > 0 && agents.Any(a => a.Name == name))
            {
                reader.ErrorAt(path + ".name", $"agent '{name}' is defined twice");
            }

            var agent = new AgentDefinition(
                name,
                view.String("description", string.Empty),
                view.Strings("areas", []),
                view.Bool("author", true),
                view.Bool("review", true),
                view.NullableString("reviewer"),
                ReadRunner(view, path),
                view.Duration("timeout", ConfigDefaults.AgentTimeout),
                view.Duration("inactivity", ConfigDefaults.AgentInactivity),
                ReadEnv(view, path),
                view.NullableString("login"),
                view.Choice("sandbox", "none", ConfigKeys.Sandboxes, "sandbox") == "bwrap" ? SandboxKind.Bwrap : SandboxKind.None,
                view.Bool("network", true),
                view.Int("maxConcurrent", 1, 1));
            Origins[agent] = path;
            agents.Add(agent);
        }

        return agents;
    }

    private RunnerSettings ReadRunner(MapView agent, string agentPath)
    {
        var path = agentPath + ".runner";
        var view = MapView.Open(reader, agent.Node("runner"), path, path, ConfigKeys.Runner);
        var preset = view.Choice("preset", ConfigDefaults.Runner.Preset, ConfigKeys.Presets, "runner preset");
        var command = view.Strings("command", []);
        if (preset == "command" && (command.Count == 0 || command.All(string.IsNullOrWhiteSpace)))
        {
            reader.ErrorAt(path + ".preset", "runner preset 'command' needs a non-empty 'command:' argv list (e.g. [\"my-agent\", \"--yes\"])");
        }

        return new RunnerSettings(preset, view.NullableString("model"), view.Strings("args", []), command);
    }

    private IReadOnlyList<string> ReadEnv(MapView agent, string agentPath)
    {
        var env = agent.Strings("env", []);
        for (var i = 0; i < env.Count; i++)
        {
            if (env[i].Length == 0)
            {
                continue;
            }

            if (!ConfigNames.IsEnvName(env[i]))
            {
                reader.ErrorAt($"{agentPath}.env[{i}]", $"'{env[i]}' is not an environment variable name");
            }
            else if (ForbiddenEnv.Contains(env[i], StringComparer.OrdinalIgnoreCase))
            {
                reader.ErrorAt($"{agentPath}.env[{i}]", $"agents never receive forge tokens: remove '{env[i]}' (the harness pushes, reviews and merges for them)");
            }
        }

        return env;
    }
}
