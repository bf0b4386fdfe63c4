namespace Autoship.Core;

/// <summary>
/// Everything one tick observes, read in as few requests as the forge allows: the issues that carry an
/// <c>autonomy:*</c> label and the pull requests on <c>autoship/*</c> branches (open ones, and closed or
/// merged ones whose issue is still open).
/// </summary>
public sealed record RepositorySnapshot(
    string Repository,
    string DefaultBranch,
    string DefaultBranchSha,
    IReadOnlyList<IssueSnapshot> Issues,
    IReadOnlyList<PullRequestSnapshot> PullRequests,
    DateTimeOffset ObservedAt)
{
    /// <summary>The text of <c>.github/autoship.yml</c> on the default branch, or null when missing.</summary>
    public string? ConfigText { get; init; }

    /// <summary>The text of <c>.gitattributes</c> on the default branch, or null when missing.</summary>
    public string? GitAttributesText { get; init; }

    /// <summary>
    /// The state of every issue named by a <c>Blocked by #N</c> / <c>Depends on #N</c> line of an observed issue's body
    /// that is not itself observed; a number missing here is <see cref="IssueLinkState.Unknown"/>.
    /// </summary>
    public IReadOnlyDictionary<int, IssueLinkState> ReferencedIssues { get; init; } = new Dictionary<int, IssueLinkState>();
}
