namespace Autoship.Core.Config;

internal sealed partial class ConfigMapper
{
    // Agents run with a scrubbed environment; a forge token passed through would give them the harness's power.
    private static readonly string[] ForbiddenEnv = ["GITHUB_TOKEN", "GH_TOKEN", "AUTOSHIP_TOKEN", "AUTOSHIP_REVIEWER_TOKEN"];

    private IReadOnlyList<AgentDefinition> ReadAgents(MapView root)
    {
        var agents = new List<AgentDefinition>();
        var items = root.Items(RootSection.Agents.Name);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"agents[{i}]";
            var agent = AgentSections.Read(reader, MapView.Open(reader, items[i], AgentSections.Agent, path));
            if (ConfigNames.IsName(agent.Name) && agents.Any(a => a.Name == agent.Name))
            {
                reader.ErrorAt(path + ".name", $"agent '{agent.Name}' is defined twice");
            }

            CheckEnv(agent.Env, path);
            Origins[agent] = path;
            agents.Add(agent);
        }

        return agents;
    }

    private void CheckEnv(IReadOnlyList<string> env, string agentPath)
    {
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
    }
}
