namespace Autoship.Core.Config;

/// <summary>
/// Checks that need the whole configuration: single ownership, reviewers, label references and
/// the <c>never</c> globs. Each error points at the node the record was read from.
/// </summary>
internal sealed partial class ConfigSemantics(AutoshipConfig config, ConfigReader reader, IReadOnlyDictionary<object, string> origins)
{
    public void Check()
    {
        CheckAgentAreas();
        CheckOwners();
        CheckReviewers();
        CheckLaneLabels();
        CheckRuleLabels();
        CheckAreaLabels();
        CheckNever();
    }

    private string PathOf(object record) => origins.TryGetValue(record, out var path) ? path : string.Empty;

    private void CheckAgentAreas()
    {
        var names = config.Areas.Select(a => a.Name).ToList();
        foreach (var agent in config.Agents)
        {
            for (var i = 0; i < agent.Areas.Count; i++)
            {
                var area = agent.Areas[i];
                if (area.Length > 0 && config.Area(area) is null)
                {
                    reader.ErrorAt($"{PathOf(agent)}.areas[{i}]", $"agent '{agent.Name}' lists unknown area '{area}'{Spelling.Hint(area, names)}");
                }
            }
        }
    }

    private void CheckOwners()
    {
        foreach (var area in config.Areas)
        {
            var owners = config.Agents
                .Where(a => a.Authors && a.Areas.Contains(area.Name, StringComparer.OrdinalIgnoreCase))
                .Select(a => a.Name)
                .ToList();
            if (owners.Count == 0)
            {
                reader.ErrorAt(PathOf(area) + "#key", $"area '{area.Name}' has no owning agent: list it in the 'areas' of exactly one agent with 'author: true'");
            }
            else if (owners.Count > 1)
            {
                reader.ErrorAt(PathOf(area) + "#key", $"area '{area.Name}' has {owners.Count} owning agents ({string.Join(", ", owners)}): exactly one author agent may own an area");
            }
        }
    }

    private void CheckReviewers()
    {
        foreach (var author in config.Agents.Where(a => a.Authors))
        {
            var path = PathOf(author);
            if (author.Reviewer is { } name)
            {
                var reviewer = config.Agent(name);
                if (reviewer is null)
                {
                    reader.ErrorAt(path + ".reviewer", $"agent '{author.Name}' names unknown reviewer '{name}'{Spelling.Hint(name, config.Agents.Select(a => a.Name))}");
                }
                else if (string.Equals(reviewer.Name, author.Name, StringComparison.OrdinalIgnoreCase))
                {
                    reader.ErrorAt(path + ".reviewer", $"agent '{author.Name}' cannot review its own work: choose a different reviewer");
                }
                else if (!reviewer.Reviews)
                {
                    reader.ErrorAt(path + ".reviewer", $"reviewer '{reviewer.Name}' of agent '{author.Name}' has 'review: false'");
                }
            }
            else if (config.ReviewerFor(author) is null)
            {
                reader.ErrorAt(path + ".name", $"agent '{author.Name}' has no reviewer: no other agent has 'review: true' (every change is reviewed by a different agent)");
            }
        }
    }
}
