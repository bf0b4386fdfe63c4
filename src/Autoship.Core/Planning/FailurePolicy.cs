namespace Autoship.Core.Planning;

/// <summary>How a failed attempt is handled, by its class (issue 14 item 8).</summary>
public enum FailureClass
{
    /// <summary>Rate limit, quota, credentials or an unreachable endpoint: the agent pauses, the item keeps its attempts.</summary>
    Provider,

    /// <summary>A deterministic refusal (a never path, a guardrail, a forbidden variable): retrying the same way fails the same way.</summary>
    Refusal,

    /// <summary>Anything else (the agent erred, timed out, changed nothing): an ordinary failed attempt.</summary>
    Agent,
}

/// <summary>What to do after a failed attempt: whether it counts, whether the item is blocked, how long the agent pauses.</summary>
public sealed record FailureDecision(FailureClass Class, bool CountsAsAttempt, bool Block, TimeSpan? AgentPause, IReadOnlyList<Reason> Reasons);

/// <summary>
/// Pure policy over a failed run's reason codes. A provider error pauses that agent with an exponential backoff
/// (5 min doubling to 2 h by consecutive provider failures) and does not use an attempt; a refusal gets its reasons
/// into the next attempt's prompt once, and a second refusal blocks the item "needs a human to rescope"; other
/// failures use an attempt and block at <c>maxAttempts</c> as before.
/// </summary>
public static class FailurePolicy
{
    public const string ProviderPaused = "agent-paused-provider";
    public const string NeedsRescope = "needs-rescope";

    public static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxPause = TimeSpan.FromHours(2);

    /// <summary>The reason codes of each class (the classifier's and the harness's).</summary>
    public static FailureClass ClassOf(string code) => code switch
    {
        "model.rate-limit" or "model.quota" or "model.auth" or "model-unreachable" => FailureClass.Provider,
        "run.refused" or "env.forbidden" or "env.reserved" or "runner.unknown-preset" => FailureClass.Refusal,
        _ when code.StartsWith("guardrails.", StringComparison.Ordinal) || code.StartsWith("harness.", StringComparison.Ordinal) => FailureClass.Refusal,
        _ => FailureClass.Agent,
    };

    /// <summary>The class of a run from all its reasons: a refusal wins over a provider error, which wins over the rest.</summary>
    public static FailureClass ClassOf(IEnumerable<Reason> reasons)
    {
        var classes = reasons.Select(r => ClassOf(r.Code)).ToList();
        return classes.Contains(FailureClass.Refusal) ? FailureClass.Refusal
            : classes.Contains(FailureClass.Provider) ? FailureClass.Provider
            : FailureClass.Agent;
    }

    public static TimeSpan PauseAfter(int consecutiveProviderFailures)
    {
        var n = Math.Clamp(consecutiveProviderFailures, 1, 16);
        var pause = TimeSpan.FromTicks(FirstPause.Ticks << (n - 1));
        return pause > MaxPause ? MaxPause : pause;
    }

    /// <param name="reasons">The failed run's reasons (including the classifier's).</param>
    /// <param name="attempt">The attempt that failed (1-based).</param>
    /// <param name="refusalsBefore">Refusals this item already had (kept in its memory).</param>
    /// <param name="consecutiveProviderFailures">The agent's provider failures in a row, this one included.</param>
    public static FailureDecision Decide(IReadOnlyList<Reason> reasons, int attempt, int maxAttempts, int refusalsBefore, int consecutiveProviderFailures)
    {
        var c = ClassOf(reasons);
        switch (c)
        {
            case FailureClass.Provider:
                var pause = PauseAfter(consecutiveProviderFailures);
                return new FailureDecision(c, false, false, pause, [.. reasons,
                    new Reason(ProviderPaused, $"the model provider failed ({string.Join(", ", reasons.Select(r => r.Code).Distinct())}); the agent pauses {pause.TotalMinutes:0} min and the attempt is not counted")]);
            case FailureClass.Refusal when refusalsBefore >= 1:
                return new FailureDecision(c, true, true, null, [.. reasons,
                    new Reason(NeedsRescope, "refused again after the refusal was put in the agent's prompt: needs a human to rescope the issue")]);
            default:
                var block = attempt >= maxAttempts;
                return new FailureDecision(c, true, block, null, block ? [.. reasons, new Reason("max-attempts", $"{attempt} of {Plural.Of(maxAttempts, "attempt")} used")] : reasons);
        }
    }

    /// <summary>The feedback a fresh attempt carries: the previous refusal, once (when exactly one was remembered).</summary>
    public static IReadOnlyList<FixFeedback> CarriedFeedback(ItemMemory memory) =>
        memory.Refusals == 1 && memory.Phase == ItemPhase.Released
            ? memory.Reasons.Where(r => ClassOf(r.Code) == FailureClass.Refusal).Select(r => FixFeedback.Of(FixFeedback.Harness, r.Code, r.Message)).ToList()
            : [];
}
