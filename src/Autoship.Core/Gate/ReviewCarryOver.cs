using System.Text.RegularExpressions;

namespace Autoship.Core;

/// <summary>
/// An approval belongs to a change, not to a commit: each agent review records the reviewed diff's
/// <c>git patch-id --stable</c> in a hidden marker, and when a base update leaves the PR's own diff with the same
/// patch-id, the reviewer agent's verdict carries over to the new head instead of running the reviewer again. A
/// different patch-id (the change itself moved) is reviewed again. Only the named reviewer agent's own reviews count.
/// </summary>
public static partial class ReviewCarryOver
{
    /// <summary>The hidden marker a review body ends with.</summary>
    public static string Marker(string patchId) => $"<!-- autoship:patch-id {patchId} -->";

    /// <summary>The patch-id recorded in a review body, or null.</summary>
    public static string? PatchIdOf(string body) => MarkerPattern().Match(body) is { Success: true } m ? m.Groups["id"].Value : null;

    /// <summary>
    /// The reviewer agent's latest verdict on another head of this PR whose diff had <paramref name="patchId"/>, or
    /// null (no patch-id, no such review, or the reviewer's latest verdict was on a different change).
    /// </summary>
    public static ReviewSnapshot? Find(IReadOnlyList<ReviewSnapshot> reviews, string reviewer, string headSha, string? patchId)
    {
        if (string.IsNullOrEmpty(patchId))
        {
            return null;
        }

        // The reviewer's latest verdict decides: an older approval of the same patch does not outlive a newer review of another.
        var latest = reviews
            .Where(r => r.Agent == reviewer && r.State is ReviewState.Approved or ReviewState.ChangesRequested
                        && !string.Equals(r.CommitSha, headSha, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.SubmittedAt)
            .LastOrDefault();
        return latest is not null && string.Equals(PatchIdOf(latest.Body), patchId, StringComparison.Ordinal) ? latest : null;
    }

    /// <summary>The body of a carried-over review: where it comes from, the previous text (its own marker removed), and the marker.</summary>
    public static string Body(ReviewSnapshot previous, string patchId)
    {
        var text = MarkerPattern().Replace(previous.Body, string.Empty).TrimEnd();
        var sha = previous.CommitSha[..Math.Min(7, previous.CommitSha.Length)];
        return $"Carried over from the review of {sha}: the base was updated but the change is the same (patch-id {patchId[..Math.Min(12, patchId.Length)]}).\n\n{text}\n\n{Marker(patchId)}";
    }

    [GeneratedRegex(@"<!-- autoship:patch-id (?<id>[0-9a-f]{40,64}) -->")]
    private static partial Regex MarkerPattern();
}
