using System.Globalization;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Engine.Store;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// Applies <see cref="SpendPolicy"/> (Autoship's own spend guard, never the agent's) to the runs in the store: an
/// agent past the daily agent-minutes, past its own daily token or money budget (<see cref="UsageBudget"/>, from
/// the usage recorded for its runs) or with an open circuit breaker starts no new attempt. Attempts per item
/// are counted on the forge by the planner, so that losing the store never resets them.
/// </summary>
public static class SpendGuard
{
    /// <summary>The store setting holding when a person last reset the circuit breakers (<c>autoship resume</c>).</summary>
    public const string BreakerResetSetting = "breaker-reset";

    public static async Task<Dictionary<string, Reason>> UnavailableAgentsAsync(IStateStore store, string repository, AutoshipConfig config, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(repository, null, now.AddDays(-2), cancellationToken);
        var history = runs.Where(r => r.Run.Role == Agents.AgentRole.Author).Select(r => new RunSummary(r.Run.Agent, r.Run.Issue, r.Run.StartedAt, r.Run.EndedAt, RunOutcomes.Classify(r.Outcome))).ToList();
        var reset = await store.GetSettingAsync(repository, BreakerResetSetting, cancellationToken) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
            : (DateTimeOffset?)null;
        var spent = runs.Select(r => new RunSpend(r.Run.Agent, r.Run.EndedAt, r.Run.Usage is { } u ? u.TotalTokens : null, r.Run.Usage?.CostUsd)).ToList();
        var result = new Dictionary<string, Reason>();
        foreach (var agent in config.Agents)
        {
            // No item: attempts per item are the planner's business.
            var decision = SpendPolicy.Evaluate(agent.Name, issue: 0, history, config.Loop, now, reset);
            if (!decision.Allowed)
            {
                result[agent.Name] = decision.Reasons[0];
            }
            else if (UsageBudget.Evaluate(agent, spent, now) is [var budget, ..])
            {
                result[agent.Name] = budget;
            }
            else if (AgentPauses.Active(await AgentPauses.ReadAsync(store, repository, agent.Name, cancellationToken), now) is { } paused)
            {
                result[agent.Name] = paused;
            }
        }

        return result;
    }
}
