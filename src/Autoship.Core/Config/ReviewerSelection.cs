namespace Autoship.Core.Config;

/// <summary>Which agent reviews an author's pull requests: never the author itself.</summary>
public static class ReviewerSelection
{
    /// <summary>
    /// The author's explicit <c>reviewer:</c> when it names another agent with <c>review: true</c>;
    /// without one, the first other agent in file order with <c>review: true</c>. Null when none qualifies.
    /// </summary>
    public static AgentDefinition? ReviewerFor(this AutoshipConfig config, AgentDefinition author)
    {
        if (author.Reviewer is { } explicitName)
        {
            var chosen = config.Agent(explicitName);
            return chosen is { Reviews: true } && !SameAgent(chosen, author) ? chosen : null;
        }

        return config.Agents.FirstOrDefault(a => a.Reviews && !SameAgent(a, author));
    }

    private static bool SameAgent(AgentDefinition a, AgentDefinition b) =>
        string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
