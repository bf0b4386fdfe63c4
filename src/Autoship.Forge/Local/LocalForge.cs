using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

/// <summary>
/// The embedded forge: a real bare git repository (<c>repo.git</c>), issues, pull requests, reviews, checks and
/// deployments in SQLite (<c>forge.db</c>), CI logs under <c>ci/</c>. Everything it writes is authored by the
/// user it acts as; time comes from the injected clock so that a simulated demo stays deterministic. This type is
/// a facade: each concern is a collaborator (<see cref="LocalIssues"/>, <see cref="LocalPullRequests"/>,
/// <see cref="LocalReviews"/>, <see cref="LocalBranches"/>, <see cref="LocalMerger"/>, <see cref="LocalCi"/>,
/// <see cref="LocalDeployments"/>, <see cref="LocalSetup"/>, <see cref="LocalObserver"/>) sharing one <see cref="LocalContext"/>.
/// </summary>
public sealed class LocalForge : IForge, IForgeSetup, ISharedValidation
{
    public const string HarnessLogin = "autoship[bot]";
    public const string ReviewerLogin = "autoship-reviewer[bot]";
    public const string DefaultBranch = "main";

    private readonly LocalContext context;
    private readonly LocalGit git;
    private readonly LocalIssues issues;
    private readonly LocalPullRequests pulls;
    private readonly LocalReviews reviews;
    private readonly LocalBranches branches;
    private readonly LocalMerger merger;
    private readonly LocalDeployments deployments;
    private readonly LocalSetup setup;
    private readonly LocalObserver observer;
    private readonly LocalClaims claims;
    private readonly LocalPullComments comments;
    private readonly LocalSharedValidation shared;

    private LocalForge(string directory, string actingAs, TimeProvider clock, LocalForgeOptions options)
    {
        context = new LocalContext(Path.GetFullPath(directory), actingAs, clock, options);
        git = new LocalGit(context);
        issues = new LocalIssues(context);
        pulls = new LocalPullRequests(context, git, issues);
        reviews = new LocalReviews(context, git, issues);
        deployments = new LocalDeployments(context, git);
        var ci = new LocalCi(context, git, reviews, deployments);
        branches = new LocalBranches(context, git, ci);
        merger = new LocalMerger(context, git, issues, reviews, new LocalCandidateCi(context, git, ci, reviews, deployments));
        setup = new LocalSetup(context);
        observer = new LocalObserver(context, git, merger, ci);
        claims = new LocalClaims(context, git);
        comments = new LocalPullComments(context, git, issues);
        shared = new LocalSharedValidation(context, deployments);
    }

    public string Directory => context.Directory;

    public string ActingAs => context.ActingAs;

    public string BareRepository => git.BareRepository;

    public string CiDirectory => context.CiDirectory;

    public string Name => "local:" + Directory;

    public ForgeUsage Usage => new(context.Requests, null, null);

    public bool SharesValidation => context.Options.RunCi;

    /// <summary>How this forge runs its CI (a worker that validates for it must run it the same way).</summary>
    public LocalForgeOptions Options => context.Options;

    public Task<SharedValidationRun?> FindPassAsync(string tree, string entrypoint, CancellationToken cancellationToken) =>
        shared.FindPassAsync(tree, entrypoint, cancellationToken);

    public Task<SharedValidationRun> ValidateCheckoutAsync(string checkout, string sha, string entrypoint, CancellationToken cancellationToken) =>
        shared.ValidateCheckoutAsync(checkout, sha, entrypoint, cancellationToken);

    public static bool Exists(string directory) =>
        File.Exists(Path.Combine(directory, "forge.db")) && System.IO.Directory.Exists(Path.Combine(directory, "repo.git"));

    public static Task<LocalForge> InitAsync(string directory, string ownerLogin, TimeProvider clock, CancellationToken cancellationToken) =>
        InitAsync(directory, ownerLogin, clock, null, cancellationToken);

    /// <summary>Creates a forge whose <c>main</c> starts with one commit holding <paramref name="seedDirectory"/> (empty when null).</summary>
    public static async Task<LocalForge> InitAsync(string directory, string ownerLogin, TimeProvider clock, string? seedDirectory, CancellationToken cancellationToken)
    {
        if (Exists(directory))
        {
            throw new ForgeException("exists", $"a local forge already exists at {directory}");
        }

        System.IO.Directory.CreateDirectory(directory);
        var forge = new LocalForge(directory, ownerLogin, clock, LocalForgeOptions.Default);
        System.IO.Directory.CreateDirectory(forge.CiDirectory);
        await GitCli.RunAsync(forge.Directory, ["init", "--bare", "--quiet", "--initial-branch", DefaultBranch, "repo.git"], null, null, cancellationToken);
        // A push's receive-pack runs with git's per-repository environment cleared, so the setting that keeps it from
        // starting a gc --auto after every push lives in the repository; the observation checks the threshold instead.
        await GitCli.RunAsync(forge.git.BareRepository, ["config", "receive.autogc", "false"], null, null, cancellationToken);
        await forge.git.CommitSeedAsync(seedDirectory, ownerLogin, cancellationToken);

        await forge.context.Db.MigrateAsync(cancellationToken);
        await using var c = await forge.context.Db.OpenAsync(cancellationToken);
        await using var tx = c.BeginTransaction(deferred: false);
        await LocalDb.ExecAsync(c, "INSERT INTO meta(key, value) VALUES ('name', $n), ('owner', $o)", cancellationToken,
            ("$n", new DirectoryInfo(forge.Directory).Name), ("$o", ownerLogin));
        foreach (var (login, role) in new[] { (ownerLogin, LocalRole.Owner), (HarnessLogin, LocalRole.Writer), (ReviewerLogin, LocalRole.Writer) })
        {
            await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO users(login, role) VALUES ($l, $r)", cancellationToken, ("$l", login), ("$r", role));
        }

        await forge.context.RecordAsync(c, "forge.created", "repo", new { owner = ownerLogin }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return forge;
    }

    public static Task<LocalForge> OpenAsync(string directory, string actingAs, TimeProvider clock, CancellationToken cancellationToken) =>
        OpenAsync(directory, actingAs, clock, LocalForgeOptions.Default, cancellationToken);

    public static async Task<LocalForge> OpenAsync(string directory, string actingAs, TimeProvider clock, LocalForgeOptions options, CancellationToken cancellationToken)
    {
        if (!Exists(directory))
        {
            throw new ForgeException("no-forge", $"no local forge at {directory}: create one with 'autoship local init {directory}'");
        }

        var forge = new LocalForge(directory, actingAs, clock, options);
        await forge.context.Db.MigrateAsync(cancellationToken);
        await using var c = await forge.context.Db.OpenAsync(cancellationToken);
        if (await LocalContext.RoleOfAsync(c, actingAs, cancellationToken) is null)
        {
            throw new ForgeException("unknown-user", $"no user '{actingAs}' on the local forge at {directory}: add one with 'autoship local user add {actingAs} --role writer'");
        }

        return forge;
    }

    /// <summary>The owner named at init.</summary>
    public static async Task<string> OwnerOfAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Exists(directory))
        {
            throw new ForgeException("no-forge", $"no local forge at {directory}: create one with 'autoship local init {directory}'");
        }

        var db = new LocalDb(Path.Combine(directory, "forge.db"));
        await using var c = await db.OpenAsync(cancellationToken);
        return (string?)await LocalDb.ScalarAsync(c, "SELECT value FROM meta WHERE key = 'owner'", cancellationToken) ?? HarnessLogin;
    }

    public ValueTask DisposeAsync()
    {
        git.Dispose();
        context.Db.ReleaseFiles();
        return ValueTask.CompletedTask;
    }

    // ---- IForge: reads ----
    public Task<RepositorySnapshot> ObserveAsync(CancellationToken cancellationToken) => observer.ObserveAsync(cancellationToken);

    public Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken) => issues.GetAsync(number, cancellationToken);

    public Task<PullRequestSnapshot?> GetPullRequestAsync(int number, CancellationToken cancellationToken) => pulls.GetAsync(number, cancellationToken);

    public async Task<string?> ReadFileAsync(string path, string? gitRef, CancellationToken cancellationToken)
    {
        context.Count();
        return await git.ShowAsync(gitRef ?? DefaultBranch, path, cancellationToken);
    }

    public async Task<Permission> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        return LocalRole.ToPermission(await LocalContext.RoleOfAsync(c, login, cancellationToken));
    }

    public Task<GitRemote> GetGitRemoteAsync(CancellationToken cancellationToken)
    {
        context.Count();
        return Task.FromResult(new GitRemote(BareRepository, new Dictionary<string, string>()));
    }

    // ---- IForge: issues ----
    public Task AddLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken) => issues.AddLabelsAsync(number, labels, cancellationToken);

    public Task RemoveLabelAsync(int number, string label, CancellationToken cancellationToken) => issues.RemoveLabelAsync(number, label, cancellationToken);

    public Task SetAssigneesAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) => issues.SetAssigneesAsync(number, logins, cancellationToken);

    public Task UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken) => issues.UpsertCommentAsync(number, marker, body, cancellationToken);

    public Task<string?> FindCommentAsync(int number, string marker, CancellationToken cancellationToken) => issues.FindCommentAsync(number, marker, cancellationToken);

    public Task CloseIssueAsync(int number, CancellationToken cancellationToken) => issues.CloseAsync(number, cancellationToken);

    public Task<int> UpsertMarkedIssueAsync(string marker, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        issues.UpsertMarkedAsync(marker, title, body, labels, cancellationToken);

    public Task<MarkedIssue?> FindMarkedIssueAsync(string marker, string? label, CancellationToken cancellationToken) => issues.FindMarkedAsync(marker, cancellationToken);

    /// <summary>Closes an issue as not planned (a blocker closed this way is reported, never treated as done).</summary>
    public Task CloseIssueAsNotPlannedAsync(int number, CancellationToken cancellationToken) => issues.CloseAsync(number, cancellationToken, notPlanned: true);

    // ---- IForge: branches and pull requests ----
    public Task PushBranchAsync(string localRepository, string branch, string? expectedRemoteSha, CancellationToken cancellationToken) =>
        branches.PushAsync(localRepository, branch, expectedRemoteSha, cancellationToken);

    public Task DeleteBranchAsync(string branch, CancellationToken cancellationToken) => branches.DeleteAsync(branch, cancellationToken);

    public Task<PullRequestSnapshot> CreatePullRequestAsync(NewPullRequest request, CancellationToken cancellationToken) => pulls.CreateAsync(request, cancellationToken);

    public Task UpdatePullRequestAsync(int number, string? title, string? body, CancellationToken cancellationToken) => pulls.UpdateAsync(number, title, body, cancellationToken);

    public Task ClosePullRequestAsync(int number, CancellationToken cancellationToken) => pulls.CloseAsync(number, cancellationToken);

    public Task SubmitReviewAsync(int number, ReviewSubmission review, CancellationToken cancellationToken) => reviews.SubmitAsync(number, review, cancellationToken);

    public Task<IReadOnlyList<PullRequestComment>> ListPullRequestCommentsAsync(int number, CancellationToken cancellationToken) => comments.ListAsync(number, cancellationToken);

    public Task RequestReviewersAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) => pulls.RequestReviewersAsync(number, logins, cancellationToken);

    public Task SetCommitStatusAsync(string sha, CommitStatus status, CancellationToken cancellationToken) => reviews.SetStatusAsync(sha, status, cancellationToken);

    public Task<ClaimResult> ClaimAsync(ForgeClaim claim, CancellationToken cancellationToken) => claims.ClaimAsync(claim, cancellationToken);

    public Task<bool> RenewClaimAsync(ForgeClaim claim, CancellationToken cancellationToken) => claims.RenewAsync(claim, cancellationToken);

    public Task ReleaseClaimsAsync(int issue, CancellationToken cancellationToken) => claims.ReleaseAsync(issue, cancellationToken);

    public Task<MergeResult> MergeAsync(int number, string expectedHeadSha, string commitTitle, string commitMessage, CancellationToken cancellationToken) =>
        merger.MergeAsync(number, expectedHeadSha, commitTitle, commitMessage, cancellationToken);

    // ---- IForgeSetup ----
    public Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken) => setup.ListLabelsAsync(cancellationToken);

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken) => setup.UpsertLabelAsync(label, cancellationToken);

    public Task DeleteLabelAsync(string name, CancellationToken cancellationToken) => setup.DeleteLabelAsync(name, cancellationToken);

    public Task<BranchProtection?> GetBranchProtectionAsync(string branch, CancellationToken cancellationToken) => setup.GetBranchProtectionAsync(branch, cancellationToken);

    public Task SetBranchProtectionAsync(string branch, BranchProtection protection, CancellationToken cancellationToken) =>
        setup.SetBranchProtectionAsync(branch, protection, cancellationToken);

    public Task<MergeSettings?> GetMergeSettingsAsync(CancellationToken cancellationToken) => Task.FromResult<MergeSettings?>(null);

    public Task SetMergeSettingsAsync(MergeSettings settings, CancellationToken cancellationToken) =>
        throw new ForgeException("no-merge-settings", $"{Name} has no merge settings to change: it always squash-merges and has no auto-merge");

    // ---- the local forge's own surface (the `autoship local` commands, the demo, tests) ----
    public Task<IssueSnapshot> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        issues.CreateAsync(title, body, labels, cancellationToken);

    /// <summary>Issues (not pull requests) in a state: <c>open</c>, <c>closed</c> or <c>all</c>.</summary>
    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(string state, CancellationToken cancellationToken) => issues.ListAsync(state, cancellationToken);

    public Task<IReadOnlyList<LocalComment>> ListCommentsAsync(int number, CancellationToken cancellationToken) => issues.ListCommentsAsync(number, cancellationToken);

    /// <summary>Every pull request, newest last; <paramref name="state"/> is <c>open</c>, <c>closed</c>, <c>merged</c> or <c>all</c>.</summary>
    public Task<IReadOnlyList<PullRequestSnapshot>> ListPullRequestsAsync(string state, CancellationToken cancellationToken) => pulls.ListAsync(state, cancellationToken);

    public Task<IReadOnlyList<string>> ListRequestedReviewersAsync(int number, CancellationToken cancellationToken) => pulls.ListRequestedReviewersAsync(number, cancellationToken);

    /// <summary>A person's review (as the acting user) on the pull request's current head.</summary>
    public Task<ReviewSnapshot> SubmitPersonReviewAsync(int number, ReviewVerdict verdict, string body, CancellationToken cancellationToken) =>
        reviews.SubmitPersonAsync(number, verdict, body, cancellationToken);

    /// <summary>A person's comment (as the acting user) on an issue's or pull request's conversation.</summary>
    public Task AddCommentAsync(int number, string body, CancellationToken cancellationToken) => comments.AddAsync(number, body, cancellationToken);

    /// <summary>A person's inline review comment (as the acting user) on a path (and line) of the pull request's head.</summary>
    public Task AddReviewCommentAsync(int number, string path, int? line, string body, CancellationToken cancellationToken) =>
        comments.AddInlineAsync(number, path, line, body, cancellationToken);

    public Task AddUserAsync(string login, string role, CancellationToken cancellationToken) => setup.AddUserAsync(login, role, cancellationToken);

    /// <summary>Deploys a ref to an environment with <c>scripts/deploy-ENV.sh</c> and records the deployment.</summary>
    public Task<DeploymentSnapshot> DeployAsync(string gitRef, string environment, CancellationToken cancellationToken) =>
        deployments.DeployAsync(gitRef, environment, cancellationToken);
}
