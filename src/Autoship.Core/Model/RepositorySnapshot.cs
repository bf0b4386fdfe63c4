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

    /// <summary>
    /// The default branch's <c>.gitattributes</c> files that can decide attributes of the observed pull requests'
    /// files: the root's and those of every directory above a changed file (<see cref="GitAttributeFiles.DirectoriesAbove"/>).
    /// </summary>
    public GitAttributeFiles AttributeFiles { get; init; } = GitAttributeFiles.None;

    /// <summary>Checks reported on <see cref="DefaultBranchSha"/> itself (empty when the forge does not read them).</summary>
    public IReadOnlyList<CheckSnapshot> DefaultBranchChecks { get; init; } = [];

    /// <summary>
    /// The forge's own identities as the forge names them (the author token's login, the reviewer token's login,
    /// the local forge's harness accounts). None of them is ever a human: their approvals and label changes never
    /// count as a person's.
    /// </summary>
    public IReadOnlyList<string> HarnessLogins { get; init; } = [];

    /// <summary>
    /// The state of every issue named by a <c>Blocked by #N</c> / <c>Depends on #N</c> line of an observed issue's body
    /// that is not itself observed; a number missing here is <see cref="IssueLinkState.Unknown"/>.
    /// </summary>
    public IReadOnlyDictionary<int, IssueLinkState> ReferencedIssues { get; init; } = new Dictionary<int, IssueLinkState>();
}
