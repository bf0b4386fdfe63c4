using Octokit;

namespace Autoship.Forge.GitHub;

/// <summary>
/// The fields of one review comment (<c>GET /repos/{owner}/{repo}/pulls/{pull_number}/comments</c>, schema
/// <c>pull-request-review-comment</c>) that a fix-forward prompt names. Octokit 14's <c>PullRequestReviewComment</c>
/// has no <c>line</c> or <c>original_line</c> (only the diff position), so the page is read into this shape.
/// </summary>
public sealed class InlineReviewComment
{
    public User? User { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? Path { get; set; }

    /// <summary>The line of the file the comment is on; null when the comment is outdated (then <see cref="OriginalLine"/>).</summary>
    public int? Line { get; set; }

    public int? OriginalLine { get; set; }
}
