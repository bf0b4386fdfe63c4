using Autoship.Agents;
using Autoship.Core;
using Autoship.Forge;

namespace Autoship.Engine.Store;

/// <summary>
/// The one mapping between an agent run's result and the text of the runs table's <c>outcome</c> column: an author run
/// stores its <see cref="AttemptOutcome"/>, a review run its <see cref="ReviewVerdict"/>, each by member name.
/// </summary>
public static class RunOutcomes
{
    public static string Of(AttemptOutcome outcome) => outcome.Wire();

    public static string Of(ReviewVerdict verdict) => verdict.Wire();

    /// <summary>How the spend policy counts a stored author run: committed, cancelled, or failed (anything else).</summary>
    public static RunOutcome Classify(string stored) =>
        WireNames.TryParse<AttemptOutcome>(stored, out var outcome) ? outcome switch
        {
            AttemptOutcome.Committed => RunOutcome.Succeeded,
            AttemptOutcome.Cancelled => RunOutcome.Cancelled,
            _ => RunOutcome.Failed,
        } : RunOutcome.Failed;

    /// <summary>True when the agent itself did its job: an attempt that committed or rightly changed nothing, or any review verdict.</summary>
    public static bool Succeeded(string stored) =>
        (WireNames.TryParse<AttemptOutcome>(stored, out var a) && a is AttemptOutcome.Committed or AttemptOutcome.NoChanges)
        || WireNames.TryParse<ReviewVerdict>(stored, out _);
}
