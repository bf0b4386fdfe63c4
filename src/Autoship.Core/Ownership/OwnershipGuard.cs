using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>
/// Enforces file ownership in the harness, not in the reviewer: an author agent may change only the paths its
/// areas cover, plus what its <c>alsoPaths</c> allow. Anything else is a guardrail violation naming the path and
/// the agent that would be allowed. A path no agent may change (<c>never</c>, <c>.git/</c>) is left to the guardrails'
/// own refusal, which says that nothing allows it.
/// </summary>
public static class OwnershipGuard
{
    private const int MaxReasons = 10;

    /// <summary>One violation per path outside <paramref name="authorAgent"/>'s areas (both ends of a rename count).</summary>
    /// <param name="authorAgent">The agent that wrote the change; null when no agent did (nothing to enforce).</param>
    public static IReadOnlyList<Reason> Check(string? authorAgent, IReadOnlyList<ChangedFile> files, AutoshipConfig config)
    {
        if (string.IsNullOrWhiteSpace(authorAgent))
        {
            return [];
        }

        // The planner assigns work only to configured agents (OwnershipPolicy); a run outside the loop (tests,
        // `classify` without an area) names no configured owner and has no areas to hold it to.
        if (config.Agent(authorAgent) is not { } agent)
        {
            return [];
        }

        var owned = config.Areas.Where(a => agent.Areas.Contains(a.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var outside = files
            .SelectMany(f => f.OldPath is null || f.OldPath == f.Path ? [f.Path] : new[] { f.Path, f.OldPath })
            .Distinct(StringComparer.Ordinal)
            .Where(p => !owned.Any(a => GlobMatcher.MatchesAny(p, a.Paths)) && !GlobMatcher.MatchesAny(p, agent.AlsoPaths))
            .ToList();

        // A path no agent may change is refused by the guardrails (never-path, git-internals); naming an owner or
        // alsoPaths there would suggest a way to allow it that does not exist.
        outside.RemoveAll(p => NoAgentMay(p, config));

        var reasons = outside.Take(MaxReasons).Select(p => Outside(p, agent, owned, config)).ToList();
        if (outside.Count > MaxReasons)
        {
            reasons.Add(new("outside-ownership", $"{outside.Count - MaxReasons} more paths are outside the areas {agent.Name} owns"));
        }

        return reasons;
    }

    private static bool NoAgentMay(string path, AutoshipConfig config)
    {
        var normalized = GlobMatcher.Normalize(path);
        return normalized == ".git" || normalized.StartsWith(".git/", StringComparison.OrdinalIgnoreCase) || normalized.Contains("/.git/", StringComparison.OrdinalIgnoreCase)
            || GlobMatcher.MatchesAny(path, config.Never);
    }

    private static Reason Outside(string path, AgentDefinition agent, IReadOnlyList<AreaDefinition> owned, AutoshipConfig config)
    {
        var mine = owned.Count == 0 ? "no areas" : "areas " + string.Join(", ", owned.Select(a => a.Name));
        var covering = config.Areas.Where(a => GlobMatcher.MatchesAny(path, a.Paths)).ToList();
        var owners = covering
            .Select(a => (Area: a.Name, Owner: config.Agents.FirstOrDefault(x => x.Authors && x.Areas.Contains(a.Name, StringComparer.OrdinalIgnoreCase))?.Name))
            .ToList();
        var who = owners.Count == 0
            ? "no area covers it"
            : string.Join("; ", owners.Select(o => o.Owner is null ? $"area {o.Area} has no owner" : $"{o.Owner} owns it (area {o.Area}) and would be allowed"));
        return new("outside-ownership",
            $"{path} is outside the paths {agent.Name} owns ({mine}): {who}; hand it to that owner, or allow it for {agent.Name} with agents[].alsoPaths");
    }
}
