using Autoship.Core;

namespace Autoship.Server.Status;

/// <summary>What people wrote about an item, as the forge has it now: the issue's body, its PR's body and the reviews' comments (Markdown).</summary>
public sealed record ItemDiscussion(string? IssueBody, PullRequestSnapshot? PullRequest)
{
    public static ItemDiscussion None { get; } = new(null, null);

    /// <summary>The reviews that say something, oldest first.</summary>
    public IReadOnlyList<ReviewSnapshot> Comments =>
        PullRequest is null ? [] : PullRequest.Reviews.Where(r => !string.IsNullOrWhiteSpace(r.Body)).OrderBy(r => r.SubmittedAt).ToList();
}
