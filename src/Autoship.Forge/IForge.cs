using Autoship.Core;

namespace Autoship.Forge;

/// <summary>
/// What a tick needs from a forge: the one interface the engine talks to. Reads are batched (<see cref="ObserveAsync"/> reads a whole tick's
/// state); writes are small and idempotent where the forge allows it. Implementations map their own types to
/// Core records at this boundary; no foreign type crosses it. Repository setup (labels, branch protection) is
/// <see cref="IForgeSetup"/>, which a forge that can be set up implements as well.
/// </summary>
public interface IForge : IAsyncDisposable
{
    /// <summary><c>local:DIR</c> or <c>github:OWNER/REPO</c>.</summary>
    string Name { get; }

    /// <summary>Requests made and the rate limit left, for the tick summary and metrics.</summary>
    ForgeUsage Usage { get; }

    // ---- reads ----
    Task<RepositorySnapshot> ObserveAsync(CancellationToken cancellationToken);

    Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken);

    Task<PullRequestSnapshot?> GetPullRequestAsync(int number, CancellationToken cancellationToken);

    /// <summary>
    /// The pull request's comments, conversation and inline review comments, oldest first, each with its author's access
    /// (for the fix-forward prompt: <see cref="Autoship.Core.Planning.HumanComments"/> decides which reach an agent).
    /// </summary>
    Task<IReadOnlyList<PullRequestComment>> ListPullRequestCommentsAsync(int number, CancellationToken cancellationToken);

    /// <summary>A file's text at a ref (default branch when null), or null when it does not exist.</summary>
    Task<string?> ReadFileAsync(string path, string? gitRef, CancellationToken cancellationToken);

    Task<Permission> GetPermissionAsync(string login, CancellationToken cancellationToken);

    /// <summary>Where <c>git</c> fetches from and pushes to; the credential goes to that git process only.</summary>
    Task<GitRemote> GetGitRemoteAsync(CancellationToken cancellationToken);

    // ---- issues ----
    Task AddLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken);

    Task RemoveLabelAsync(int number, string label, CancellationToken cancellationToken);

    Task SetAssigneesAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    /// <summary>Creates or edits in place the one comment that carries <paramref name="marker"/> (a hidden HTML comment).</summary>
    Task UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken);

    /// <summary>The body of the comment carrying <paramref name="marker"/>, or null.</summary>
    Task<string?> FindCommentAsync(int number, string marker, CancellationToken cancellationToken);

    Task CloseIssueAsync(int number, CancellationToken cancellationToken);

    /// <summary>
    /// The one issue Autoship itself opened with <paramref name="marker"/> in its body: reopened with this title, body and
    /// labels when it exists (open or closed), opened otherwise, never duplicated. Returns its number.
    /// </summary>
    Task<int> UpsertMarkedIssueAsync(string marker, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken);

    /// <summary>
    /// The issue <see cref="UpsertMarkedIssueAsync"/> would write (Autoship's own, with <paramref name="marker"/> in its body and
    /// <paramref name="label"/>), open or closed, or null. A stranger's copy of the marker is never returned. A read only.
    /// </summary>
    Task<MarkedIssue?> FindMarkedIssueAsync(string marker, string? label, CancellationToken cancellationToken);

    // ---- branches and pull requests ----

    /// <summary>Pushes <paramref name="branch"/> from a local repository at <paramref name="localRepository"/> (force-with-lease to the expected remote SHA, null when new).</summary>
    Task PushBranchAsync(string localRepository, string branch, string? expectedRemoteSha, CancellationToken cancellationToken);

    Task DeleteBranchAsync(string branch, CancellationToken cancellationToken);

    Task<PullRequestSnapshot> CreatePullRequestAsync(NewPullRequest request, CancellationToken cancellationToken);

    Task UpdatePullRequestAsync(int number, string? title, string? body, CancellationToken cancellationToken);

    Task ClosePullRequestAsync(int number, CancellationToken cancellationToken);

    /// <summary>Submits a review as the reviewer identity (or an <c>autoship/review</c> status when there is only one identity).</summary>
    Task SubmitReviewAsync(int number, ReviewSubmission review, CancellationToken cancellationToken);

    Task RequestReviewersAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    Task SetCommitStatusAsync(string sha, CommitStatus status, CancellationToken cancellationToken);

    // ---- exclusive claims ----

    /// <summary>
    /// Creates <see cref="ForgeClaim.Ref"/> only if it does not exist (compare-and-set on the forge); when it exists,
    /// returns who holds it. No two orchestrators ever both get <see cref="ClaimResult.Created"/> for one attempt.
    /// </summary>
    Task<ClaimResult> ClaimAsync(ForgeClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// The holder's heartbeat: rewrites <see cref="ForgeClaim.Ref"/> with <paramref name="claim"/>'s text (a new
    /// <see cref="ForgeClaim.Renewed"/>) only if the ref still exists and names <see cref="ForgeClaim.Holder"/>; false
    /// when it was released or is not ours (nothing is written then). Only a claim's holder writes its generation's ref:
    /// a takeover creates the next generation instead.
    /// </summary>
    Task<bool> RenewClaimAsync(ForgeClaim claim, CancellationToken cancellationToken);

    /// <summary>Deletes every claim ref of <paramref name="issue"/> (a finished item); idempotent.</summary>
    Task ReleaseClaimsAsync(int issue, CancellationToken cancellationToken);

    /// <summary>Squash-merges only if the head is still <paramref name="expectedHeadSha"/>; refusals come back as reasons.</summary>
    Task<MergeResult> MergeAsync(int number, string expectedHeadSha, string commitTitle, string commitMessage, CancellationToken cancellationToken);
}
