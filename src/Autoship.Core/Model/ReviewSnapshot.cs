namespace Autoship.Core;

public enum ReviewState
{
    Approved,
    ChangesRequested,
    Commented,
    Dismissed,
}

/// <summary>
/// A review on a pull request. <see cref="Agent"/> is set only when the review was submitted by
/// Autoship's trusted reviewer identity on behalf of that agent; people's reviews have it null.
/// </summary>
public sealed record ReviewSnapshot(
    Actor Reviewer,
    ReviewState State,
    string CommitSha,
    DateTimeOffset SubmittedAt,
    string? Agent = null,
    string Body = "");
