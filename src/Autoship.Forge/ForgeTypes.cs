using Autoship.Core;

namespace Autoship.Forge;

/// <summary>Requests made through a forge and the rate limit left (null when the forge has none).</summary>
public sealed record ForgeUsage(int Requests, int? RateLimitRemaining, DateTimeOffset? RateLimitReset);

/// <summary>A git URL and the environment that lets a git process authenticate (never written to disk).</summary>
public sealed record GitRemote(string Url, IReadOnlyDictionary<string, string> Environment);

/// <summary>An issue Autoship's own identity opened with a marker in its body (see <see cref="IForge.FindMarkedIssueAsync"/>).</summary>
public sealed record MarkedIssue(int Number, string Title, string Body, bool Open, IReadOnlyList<string> Labels);

public sealed record NewPullRequest(string Head, string Base, string Title, string Body, IReadOnlyList<string> Labels);

public enum ReviewVerdict
{
    Approve,
    RequestChanges,
    Comment,
}

/// <summary>An agent's review verdict; <see cref="CommitSha"/> is the head it looked at.</summary>
public sealed record ReviewSubmission(string Agent, ReviewVerdict Verdict, string Body, string CommitSha);

/// <summary>A commit status such as <c>autoship/gate</c>; the description must fit 140 characters.</summary>
public sealed record CommitStatus(string Context, CheckState State, string Description, string? TargetUrl);

public enum MergeOutcome
{
    Merged,
    Enqueued,
    Refused,

    /// <summary>Not merged: the branch was behind its base and the forge brought it up to date (a new head, whose checks and review come first).</summary>
    BranchUpdated,
}

public sealed record MergeResult(MergeOutcome Outcome, string? MergeCommitSha, IReadOnlyList<Reason> Reasons);

/// <summary>Branch protection in the seed's terms.</summary>
public sealed record BranchProtection(
    bool RequirePullRequest,
    int RequiredApprovals,
    bool DismissStaleReviews,
    IReadOnlyList<string> RequiredChecks,
    bool AllowForcePushes,
    bool AllowDeletions,
    bool RequireMergeQueue = false,
    bool RequireUpToDate = false);

/// <summary>A forge refused a request in a way the caller should show as a reason, not a crash.</summary>
public sealed class ForgeException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>When the forge said it would accept requests again (a spent rate limit), if it said.</summary>
    public DateTimeOffset? RetryAt { get; init; }
}
