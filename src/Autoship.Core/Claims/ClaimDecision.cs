namespace Autoship.Core;

public enum ClaimAction
{
    Keep,
    Release,
    Block,
}

/// <summary>What to do with a claim: keep it, release it for another attempt, or block the item.</summary>
public sealed record ClaimDecision(ClaimAction Action, int NextAttempt, IReadOnlyList<Reason> Reasons);
