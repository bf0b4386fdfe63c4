namespace Autoship.Core;

/// <summary>What the forge says about a pull request (normally on an <c>autoship/*</c> branch).</summary>
public sealed record PullRequestSnapshot(
    int Number,
    string Title,
    string Body,
    Actor Author,
    string HeadBranch,
    string HeadSha,
    string BaseBranch,
    bool Open,
    bool Merged,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ReviewSnapshot> Reviews,
    IReadOnlyList<CheckSnapshot> Checks,
    IReadOnlyList<DeploymentSnapshot> Deployments,
    IReadOnlyList<ChangedFile> Files,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Commits on the base branch that the head does not contain (drift); null when unknown.</summary>
    public int? BehindBy { get; init; }

    /// <summary>The forge's own mergeability answer; null when it has not computed it yet.</summary>
    public bool? Mergeable { get; init; }

    /// <summary>When <see cref="Mergeable"/> is false, the paths git could not merge (empty when the forge does not say).</summary>
    public IReadOnlyList<string> ConflictPaths { get; init; } = [];

    /// <summary>Its entry in the forge's own merge queue (GitHub's), whose merge_group commit's checks are in <see cref="Checks"/>; null when not queued.</summary>
    public Queue.ForgeQueueEntry? ForgeQueue { get; init; }

    /// <summary>The commit the PR was squashed into when <see cref="Merged"/>.</summary>
    public string? MergeCommitSha { get; init; }

    /// <summary>Every symlink in the head's tree (path → target), so the gate resolves chains of links; empty when unknown.</summary>
    public IReadOnlyDictionary<string, string> TreeLinks { get; init; } = new Dictionary<string, string>();

    public bool HasLabel(string label) => Autoship.Core.Labels.Has(Labels, label);
}
