namespace Autoship.Core;

/// <summary>How one agent run ended, as far as spending is concerned.</summary>
public enum RunOutcome
{
    Succeeded,
    Failed,

    /// <summary>Stopped by shutdown or by the loop; burns minutes but neither an attempt nor the circuit breaker.</summary>
    Cancelled,
}

/// <summary>One past agent run: who ran, on which item, when, and how it ended.</summary>
public sealed record RunSummary(string Agent, int Issue, DateTimeOffset StartedAt, DateTimeOffset EndedAt, RunOutcome Outcome);
