using System.Globalization;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>
/// The spend guard Autoship enforces itself, so that a broken agent cannot loop forever: attempts per item,
/// agent-minutes per day (all agents together, UTC day) and a circuit breaker per agent.
/// </summary>
public static class SpendPolicy
{
    /// <param name="agent">The agent that would run.</param>
    /// <param name="issue">The item it would run on.</param>
    /// <param name="history">Past runs (any order); runs still in progress are not included.</param>
    /// <param name="loop">The limits; a limit of zero or less is "no limit".</param>
    /// <param name="now">The current time.</param>
    /// <param name="breakerResetAt">When a person last reset this agent's circuit breaker; failures before it do not count.</param>
    public static SpendDecision Evaluate(string agent, int issue, IReadOnlyList<RunSummary> history, LoopSettings loop, DateTimeOffset now, DateTimeOffset? breakerResetAt = null)
    {
        var reasons = new List<Reason>();

        var attempts = history.Count(r => r.Issue == issue && r.Outcome != RunOutcome.Cancelled);
        if (loop.MaxAttempts > 0 && attempts >= loop.MaxAttempts)
        {
            reasons.Add(Because.Of("spend.max-attempts", $"#{issue} already had {Plural.Of(attempts, "attempt")}; the limit is {loop.MaxAttempts}"));
        }

        if (loop.MaxAgentMinutesPerDay > 0)
        {
            var used = MinutesToday(history, now);
            if (used >= loop.MaxAgentMinutesPerDay)
            {
                reasons.Add(Because.Of("spend.daily-minutes", $"agents ran {used.ToString("0.#", CultureInfo.InvariantCulture)} {Plural.Word(used == 1 ? 1 : 2, "minute")} today; the limit is {loop.MaxAgentMinutesPerDay}"));
            }
        }

        if (loop.CircuitBreakerFailures > 0)
        {
            var failures = ConsecutiveFailures(agent, history, breakerResetAt);
            if (failures >= loop.CircuitBreakerFailures)
            {
                reasons.Add(Because.Of("spend.circuit-open", $"{agent} failed {Plural.Of(failures, "time")} in a row; it is paused until a run succeeds or a person resets it"));
            }
        }

        return new SpendDecision(reasons.Count == 0, reasons);
    }

    /// <summary>Agent-minutes spent in the UTC day of <paramref name="now"/>, clipping runs that started the day before.</summary>
    public static double MinutesToday(IReadOnlyList<RunSummary> history, DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var dayStart = new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
        return history
            .Select(r => (Start: Max(r.StartedAt, dayStart), End: Min(r.EndedAt, utc)))
            .Where(r => r.End > r.Start)
            .Sum(r => (r.End - r.Start).TotalMinutes);
    }

    /// <summary>Failures of <paramref name="agent"/> since its last success (or the last human reset), newest first.</summary>
    public static int ConsecutiveFailures(string agent, IReadOnlyList<RunSummary> history, DateTimeOffset? resetAt)
    {
        var count = 0;
        foreach (var run in history
                     .Where(r => string.Equals(r.Agent, agent, StringComparison.OrdinalIgnoreCase))
                     .Where(r => resetAt is null || r.EndedAt > resetAt)
                     .OrderByDescending(r => r.EndedAt))
        {
            if (run.Outcome == RunOutcome.Succeeded)
            {
                break;
            }

            if (run.Outcome == RunOutcome.Failed)
            {
                count++;
            }
        }

        return count;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
