using System.Globalization;

namespace Autoship.Forge;

/// <summary>
/// An exclusive claim on the forge itself: the git ref <c>refs/autoship/claims/ISSUE/KEY</c> (KEY is the attempt
/// number, or <c>review-SHA</c> for one review of one head), created only if
/// it does not exist yet (a compare-and-set every forge with git refs offers), whose object names the
/// orchestrator that made it. Two orchestrators, whatever stores they use, never both win the same attempt;
/// the winner that was killed recognises its own claim on its next tick (same <see cref="Holder"/>).
/// </summary>
/// <param name="Holder">A stable orchestrator id (kept in the store, so replicas sharing a store share it).</param>
/// <param name="BaseBranch">The default branch, for forges whose claim object must point at a commit.</param>
public sealed record ForgeClaim(int Issue, string Key, string Holder, string BaseBranch)
{
    public const string RefPrefix = "refs/autoship/claims/";

    /// <summary>The claim of an author attempt.</summary>
    public static ForgeClaim ForAttempt(int issue, int attempt, string holder, string baseBranch) =>
        new(issue, attempt.ToString(CultureInfo.InvariantCulture), holder, baseBranch);

    /// <summary>The claim of the review of one head of the PR for <paramref name="issue"/>.</summary>
    public static ForgeClaim ForReview(int issue, string headSha, string holder, string baseBranch) =>
        new(issue, "review-" + headSha[..Math.Min(12, headSha.Length)], holder, baseBranch);

    public string Ref => string.Create(CultureInfo.InvariantCulture, $"{RefPrefix}{Issue}/{Key}");

    /// <summary>The text the claim object carries: who claimed what.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"autoship claim #{Issue} {Key}\n\nholder: {Holder}\n");

    /// <summary>The folder of every claim ref of one issue.</summary>
    public static string IssuePrefix(int issue) => string.Create(CultureInfo.InvariantCulture, $"{RefPrefix}{issue}/");

    /// <summary>The holder a claim object's text names, or null when it is not a claim Autoship wrote.</summary>
    public static string? HolderOf(string? text)
    {
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith("holder: ", StringComparison.Ordinal) && line.Length > "holder: ".Length)
            {
                return line["holder: ".Length..].Trim();
            }
        }

        return null;
    }
}

/// <summary>What a claim attempt found: <see cref="Created"/> when this call made the ref, else who holds it (null when unreadable).</summary>
public sealed record ClaimResult(bool Created, string? Holder)
{
    /// <summary>The claim is <paramref name="holder"/>'s: just made, or made earlier by the same orchestrator (a killed tick).</summary>
    public bool IsHeldBy(string holder) => Created || string.Equals(Holder, holder, StringComparison.Ordinal);
}
