using System.Globalization;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>What one past run of an agent spent, as recorded by the harness (null: the CLI reported nothing).</summary>
public sealed record RunSpend(string Agent, DateTimeOffset EndedAt, long? Tokens, decimal? CostUsd);

/// <summary>
/// The per-agent daily budgets in tokens and money (<c>maxTokensPerDay</c>, <c>maxCostPerDay</c>), next to the
/// agent-minutes: counted from the usage the harness recorded for every run of the agent (author and reviewer) that
/// ended in the UTC day of <c>now</c>. The CLI's own caps are not trusted; a budget reached pauses the agent.
/// </summary>
public static class UsageBudget
{
    public static IReadOnlyList<Reason> Evaluate(AgentDefinition agent, IEnumerable<RunSpend> history, DateTimeOffset now)
    {
        if (agent.MaxTokensPerDay <= 0 && agent.MaxCostPerDay <= 0)
        {
            return [];
        }

        var utc = now.ToUniversalTime();
        var dayStart = new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
        var today = history.Where(r => string.Equals(r.Agent, agent.Name, StringComparison.OrdinalIgnoreCase) && r.EndedAt >= dayStart && r.EndedAt <= utc).ToList();
        var reasons = new List<Reason>();
        var tokens = today.Sum(r => r.Tokens ?? 0);
        if (agent.MaxTokensPerDay > 0 && tokens >= agent.MaxTokensPerDay)
        {
            reasons.Add(Because.Of("spend.daily-tokens",
                $"{agent.Name} used {tokens.ToString("N0", CultureInfo.InvariantCulture)} tokens today; its limit is {agent.MaxTokensPerDay.ToString("N0", CultureInfo.InvariantCulture)} (paused until {dayStart.AddDays(1):yyyy-MM-dd HH:mm} UTC)"));
        }

        var cost = today.Sum(r => r.CostUsd ?? 0m);
        if (agent.MaxCostPerDay > 0 && cost >= agent.MaxCostPerDay)
        {
            reasons.Add(Because.Of("spend.daily-cost",
                $"{agent.Name} spent ${cost.ToString("0.00##", CultureInfo.InvariantCulture)} today; its limit is ${agent.MaxCostPerDay.ToString("0.00##", CultureInfo.InvariantCulture)} (paused until {dayStart.AddDays(1):yyyy-MM-dd HH:mm} UTC)"));
        }

        return reasons;
    }
}
