using Autoship.Core;
using Autoship.Core.Config;
using Octokit;
using CoreDeploymentState = Autoship.Core.DeploymentState;
using CorePermission = Autoship.Core.Permission;

namespace Autoship.Forge.GitHub;

/// <summary>Octokit's REST models to Core records. Every Octokit type stops here.</summary>
internal static class RestMapping
{
    public static CorePermission Permission(string? name) => name?.ToLowerInvariant() switch
    {
        "admin" => CorePermission.Admin,
        "maintain" => CorePermission.Maintain,
        "write" or "push" => CorePermission.Write,
        "triage" => CorePermission.Triage,
        "read" or "pull" => CorePermission.Read,
        _ => CorePermission.None,
    };

    public static CorePermission Permission(RepositoryPermissions? p) => p switch
    {
        null => CorePermission.None,
        { Admin: true } => CorePermission.Admin,
        { Maintain: true } => CorePermission.Maintain,
        { Push: true } => CorePermission.Write,
        { Triage: true } => CorePermission.Triage,
        { Pull: true } => CorePermission.Read,
        _ => CorePermission.None,
    };

    public static LabelDefinition Label(Label label) => new(label.Name, label.Color, label.Description ?? string.Empty);

    public static IssueSnapshot Issue(Issue issue, IReadOnlyList<LabelEvent> events) => new(
        issue.Number,
        issue.Title,
        issue.Body ?? string.Empty,
        issue.State.StringValue == "open",
        // GitHub leaves these lists out of some answers (and its own examples).
        (issue.Labels ?? []).Select(l => l.Name).ToList(),
        (issue.Assignees ?? (issue.Assignee is null ? [] : [issue.Assignee])).Select(a => a.Login).ToList(),
        events,
        issue.UpdatedAt ?? issue.CreatedAt);

    public static (string Label, bool Added, string? Login, DateTimeOffset At)? LabelEventOf(TimelineEventInfo e) =>
        e.Event.StringValue switch
        {
            "labeled" when e.Label is not null => (e.Label.Name, true, e.Actor?.Login, e.CreatedAt),
            "unlabeled" when e.Label is not null => (e.Label.Name, false, e.Actor?.Login, e.CreatedAt),
            _ => null,
        };

    public static PullRequestSnapshot PullRequest(PullRequest pr, Actor author) => new(
        pr.Number,
        pr.Title,
        pr.Body ?? string.Empty,
        author,
        pr.Head.Ref,
        pr.Head.Sha,
        pr.Base.Ref,
        pr.State.StringValue == "open",
        pr.Merged,
        (pr.Labels ?? []).Select(l => l.Name).ToList(),
        [],
        [],
        [],
        [],
        pr.UpdatedAt)
    {
        Mergeable = pr.Mergeable,
        MergeCommitSha = pr.Merged ? pr.MergeCommitSha : null,
    };

    public static ChangedFile File(PullRequestFile f) => new(
        f.FileName,
        f.Additions,
        f.Deletions,
        f.Status switch
        {
            "added" => ChangeKind.Added,
            "removed" => ChangeKind.Deleted,
            "renamed" => ChangeKind.Renamed,
            _ => ChangeKind.Modified,
        },
        Binary: f.Patch is null && f.Changes == 0 && f.Status != "removed",
        OldPath: f.PreviousFileName)
    {
        AddedLines = AddedLines(f.Patch),
    };

    private static IReadOnlyList<string> AddedLines(string? patch) =>
        patch is null ? [] : patch.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)).Select(l => l[1..]).ToList();

    /// <summary>GitHub lists every review; only each reviewer's latest verdict counts (comments do not replace one).</summary>
    public static IEnumerable<PullRequestReview> LatestPerReviewer(IEnumerable<PullRequestReview> reviews) =>
        reviews
            .Where(r => r.User is not null && r.State.StringValue != "PENDING")
            .GroupBy(r => r.User.Login, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Where(r => r.State.StringValue != "COMMENTED").OrderBy(r => r.SubmittedAt).LastOrDefault() ?? g.OrderBy(r => r.SubmittedAt).Last());

    public static ReviewSnapshot Review(PullRequestReview r, Actor reviewer, string? reviewerIdentity) => new(
        reviewer,
        ReviewStateOf(r.State.StringValue),
        r.CommitId ?? string.Empty,
        r.SubmittedAt,
        GitHubForge.SameLogin(r.User?.Login, reviewerIdentity) ? ReviewMarker.Agent(r.Body) : null,
        r.Body ?? string.Empty);

    public static ReviewState ReviewStateOf(string? state) => state?.ToUpperInvariant() switch
    {
        "APPROVED" => ReviewState.Approved,
        "CHANGES_REQUESTED" => ReviewState.ChangesRequested,
        "DISMISSED" => ReviewState.Dismissed,
        _ => ReviewState.Commented,
    };

    public static CheckSnapshot Check(Octokit.CommitStatus s, string sha) =>
        new(s.Context, StatusStateOf(s.State.StringValue), sha, s.Description, s.TargetUrl);

    public static CheckSnapshot Check(CheckRun run) =>
        new(run.Name, CheckRunStateOf(run.Status.StringValue, run.Conclusion?.StringValue), run.HeadSha, run.Output?.Title, run.DetailsUrl ?? run.HtmlUrl);

    public static CheckState StatusStateOf(string? state) => state?.ToLowerInvariant() switch
    {
        "success" => CheckState.Success,
        "failure" => CheckState.Failure,
        "error" => CheckState.Error,
        _ => CheckState.Pending,
    };

    public static CheckState CheckRunStateOf(string? status, string? conclusion) =>
        !string.Equals(status, "completed", StringComparison.OrdinalIgnoreCase) ? CheckState.Pending : conclusion?.ToLowerInvariant() switch
        {
            "success" => CheckState.Success,
            "neutral" => CheckState.Neutral,
            "skipped" => CheckState.Skipped,
            "cancelled" => CheckState.Cancelled,
            "timed_out" or "startup_failure" => CheckState.Error,
            "action_required" or "stale" => CheckState.Pending,
            _ => CheckState.Failure,
        };

    public static CommitState StatusState(CheckState state) => state switch
    {
        CheckState.Success or CheckState.Neutral or CheckState.Skipped => CommitState.Success,
        CheckState.Failure or CheckState.Cancelled => CommitState.Failure,
        CheckState.Error => CommitState.Error,
        _ => CommitState.Pending,
    };

    public static DeploymentSnapshot Deployment(Deployment d, DeploymentStatus? latest) => new(
        d.Environment,
        d.Sha,
        DeploymentStateOf(latest?.State.StringValue),
        latest?.CreatedAt ?? d.CreatedAt,
        latest?.EnvironmentUrl);

    public static CoreDeploymentState DeploymentStateOf(string? state) => state?.ToLowerInvariant() switch
    {
        "success" => CoreDeploymentState.Success,
        "failure" => CoreDeploymentState.Failure,
        "error" => CoreDeploymentState.Error,
        "inactive" => CoreDeploymentState.Inactive,
        "in_progress" or "queued" => CoreDeploymentState.InProgress,
        _ => CoreDeploymentState.Pending,
    };

    public static BranchProtection Protection(BranchProtectionSettings s) => new(
        s.RequiredPullRequestReviews is not null,
        s.RequiredPullRequestReviews?.RequiredApprovingReviewCount ?? 0,
        s.RequiredPullRequestReviews?.DismissStaleReviews ?? false,
        (IReadOnlyList<string>?)s.RequiredStatusChecks?.Contexts?.ToList() ?? [],
        s.AllowForcePushes?.Enabled ?? false,
        s.AllowDeletions?.Enabled ?? false);

    /// <summary>Reads GitHub's JSON into Octokit's model the way Octokit itself does.</summary>
    public static T Deserialize<T>(string json) => new Octokit.Internal.SimpleJsonSerializer().Deserialize<T>(json);

    /// <summary>
    /// A REST issue's <c>state</c> and <c>state_reason</c> as a blocker's state: only closed as completed (or with no
    /// reason, or reopened and closed again) is done; not planned and duplicate are reported, never done.
    /// </summary>
    public static IssueLinkState LinkState(string? state, string? reason) => (state?.ToLowerInvariant(), reason?.ToLowerInvariant()) switch
    {
        ("open", _) => IssueLinkState.Open,
        ("closed", "not_planned" or "duplicate") => IssueLinkState.NotPlanned,
        ("closed", null or "completed" or "reopened") => IssueLinkState.Completed,
        _ => IssueLinkState.Unknown,
    };

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
