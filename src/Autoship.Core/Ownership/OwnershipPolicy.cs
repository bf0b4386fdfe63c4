using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Assigns a single owning author agent by area and a reviewer agent that is not the owner.</summary>
public static class OwnershipPolicy
{
    /// <summary>
    /// The owner is the one authoring agent whose areas include <paramref name="area"/>; the reviewer is the owner's
    /// configured <c>reviewer</c>, else the first reviewing agent that is not the owner. The owner never reviews itself.
    /// </summary>
    public static OwnershipDecision Assign(string area, AutoshipConfig config) => Assigned.Get(config, area);

    // Dispatch assigns every ready item of every tick, and a configuration has a handful of areas.
    private static readonly ConfigMemo<string, OwnershipDecision> Assigned = new((config, area) => Compute(area, config), 1_000, StringComparer.Ordinal);

    private static OwnershipDecision Compute(string area, AutoshipConfig config)
    {
        var owners = config.Agents
            .Where(a => a.Authors && a.Areas.Contains(area, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (owners.Count == 0)
        {
            return new OwnershipDecision(null, null, null, Because.One("no-owner", $"no authoring agent owns area {area}; add it to one agent's areas"));
        }

        if (owners.Count > 1)
        {
            return new OwnershipDecision(null, null, null, Because.One("multiple-owners",
                $"area {area} is owned by {string.Join(" and ", owners.Select(o => o.Name))}; an area needs a single owner, so keep it in one agent's areas"));
        }

        var owner = owners[0];
        var (reviewer, problem) = PickReviewer(owner, config);
        if (reviewer is null)
        {
            return new OwnershipDecision(owner, null, null, Because.One("no-reviewer", problem!));
        }

        var login = reviewer.Login is null ? string.Empty : $" (forge login {reviewer.Login})";
        return new OwnershipDecision(owner, reviewer, reviewer.Login, Because.One("assigned",
            $"area {area} is owned by {owner.Name}; {reviewer.Name}{login} reviews its pull requests"));
    }

    private static (AgentDefinition? Reviewer, string? Problem) PickReviewer(AgentDefinition owner, AutoshipConfig config)
    {
        if (!string.IsNullOrWhiteSpace(owner.Reviewer))
        {
            var named = config.Agent(owner.Reviewer);
            if (named is null)
            {
                return (null, $"{owner.Name} names reviewer {owner.Reviewer}, which is not a configured agent");
            }

            if (string.Equals(named.Name, owner.Name, StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"{owner.Name} names itself as its reviewer; a change must be reviewed by a different agent than its author");
            }

            if (!named.Reviews)
            {
                return (null, $"{owner.Name} names reviewer {named.Name}, which is not configured to review");
            }

            return (named, null);
        }

        var first = config.Agents.FirstOrDefault(a => a.Reviews && !string.Equals(a.Name, owner.Name, StringComparison.OrdinalIgnoreCase));
        return first is null
            ? (null, $"no agent other than {owner.Name} reviews; a change must be reviewed by a different agent than its author")
            : (first, null);
    }
}
