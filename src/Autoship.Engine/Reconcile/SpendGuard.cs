using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Engine.Store;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// Autoship's own spend guard (never the agent's): an agent that used its daily agent-minutes, or failed
/// <c>loop.circuitBreakerFailures</c> times in a row, starts no new attempt.
/// </summary>
public static class SpendGuard
{
    public static async Task<Dictionary<string, Reason>> UnavailableAgentsAsync(IStateStore store, string repository, AutoshipConfig config, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(repository, null, now.AddDays(-1), cancellationToken);
        var result = new Dictionary<string, Reason>();
        foreach (var agent in runs.Where(r => r.Role == "author").GroupBy(r => r.Agent))
        {
            var minutes = agent.Sum(r => r.Duration.TotalMinutes);
            if (config.Loop.MaxAgentMinutesPerDay > 0 && minutes >= config.Loop.MaxAgentMinutesPerDay)
            {
                result[agent.Key] = new Reason("spend-limit", $"{agent.Key} used {minutes:0} agent-minutes in the last 24 h (loop.maxAgentMinutesPerDay is {config.Loop.MaxAgentMinutesPerDay})");
                continue;
            }

            var streak = agent.OrderByDescending(r => r.StartedAt).TakeWhile(r => r.Outcome is not ("committed" or "Committed")).Count();
            if (config.Loop.CircuitBreakerFailures > 0 && streak >= config.Loop.CircuitBreakerFailures)
            {
                result[agent.Key] = new Reason("circuit-open", $"{agent.Key} failed {streak} attempts in a row (loop.circuitBreakerFailures is {config.Loop.CircuitBreakerFailures}): it is paused until a person checks it or a day passes");
            }
        }

        return result;
    }
}
