using Autoship.Core.Config;

namespace Autoship.Agents.Egress;

/// <summary>
/// The hosts an agent with <c>network: allow-list</c> may reach: its preset's built-in model hosts, the host of every
/// model endpoint variable in its environment (<c>*_BASE_URL</c>, <c>*_API_BASE</c>, <c>*_ENDPOINT</c>), and its
/// configured <c>egress</c> hosts (package registries). Nothing else.
/// </summary>
public static class EgressAllowList
{
    private static readonly string[] EndpointSuffixes = ["_BASE_URL", "_API_BASE", "_BASEURL", "_ENDPOINT", "_API_URL"];

    public static IReadOnlyList<string> For(AgentDefinition agent, IAgentPreset? preset, IReadOnlyDictionary<string, string> env)
    {
        var hosts = new List<string>(preset?.ModelHosts ?? []);
        foreach (var (name, value) in env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (EndpointSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) && EgressHosts.FromUrl(value) is { } host)
            {
                hosts.Add(host);
            }
        }

        hosts.AddRange(agent.Egress ?? []);
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
