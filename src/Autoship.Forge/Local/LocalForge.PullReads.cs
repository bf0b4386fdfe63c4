using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    private sealed record PullRow(int Number, string Head, string Base, string State, string? MergeSha);

    private static async Task<PullRow?> PullRowAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        (await LocalDb.QueryAsync(c, "SELECT number, head, base, state, merge_sha FROM pull_requests WHERE number = $n", MapPull, cancellationToken, ("$n", number)))
        .FirstOrDefault();

    private static PullRow MapPull(SqliteDataReader r) => new(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), LocalDb.NullableString(r, 4));

    public async Task<PullRequestSnapshot?> GetPullRequestAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        var pull = await PullRowAsync(c, number, cancellationToken);
        return pull is null ? null : await PullSnapshotAsync(c, pull, cancellationToken);
    }

    /// <summary>Every pull request, newest last; <paramref name="state"/> is <c>open</c>, <c>closed</c>, <c>merged</c> or <c>all</c>.</summary>
    public async Task<IReadOnlyList<PullRequestSnapshot>> ListPullRequestsAsync(string state, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        var rows = await LocalDb.QueryAsync(
            c, "SELECT number, head, base, state, merge_sha FROM pull_requests WHERE $s = 'all' OR state = $s ORDER BY number", MapPull, cancellationToken, ("$s", state));
        var list = new List<PullRequestSnapshot>();
        foreach (var row in rows)
        {
            list.Add(await PullSnapshotAsync(c, row, cancellationToken));
        }

        return list;
    }

    /// <summary>The branch's current commit, or (once the branch is gone) the last commit pushed to it.</summary>
    private async Task<string> HeadShaAsync(SqliteConnection c, PullRow pull, CancellationToken cancellationToken) =>
        await ResolveAsync(BranchRef(pull.Head), cancellationToken)
        ?? (string?)await LocalDb.ScalarAsync(c, "SELECT sha FROM pushes WHERE branch = $b ORDER BY id DESC LIMIT 1", cancellationToken, ("$b", pull.Head))
        ?? string.Empty;

    private async Task<PullRequestSnapshot> PullSnapshotAsync(SqliteConnection c, PullRow pull, CancellationToken cancellationToken)
    {
        var issue = (await IssueRowAsync(c, pull.Number, cancellationToken))!;
        var head = await HeadShaAsync(c, pull, cancellationToken);
        var baseSha = await ResolveAsync(BranchRef(pull.Base), cancellationToken);
        (string Name, object? Value)[] shas = [("$b", pull.Head), ("$h", head)];
        const string PrShas = "(SELECT sha FROM pushes WHERE branch = $b UNION SELECT $h)";

        var reviews = await LocalDb.QueryAsync(
            c,
            "SELECT r.login, u.role, r.state, r.commit_sha, r.submitted_at, r.agent, r.body FROM reviews r LEFT JOIN users u ON u.login = r.login WHERE r.pr = $n ORDER BY r.id",
            r => new ReviewSnapshot(
                new Actor(r.GetString(0), LocalRole.ToPermission(LocalDb.NullableString(r, 1))),
                Enum.Parse<ReviewState>(r.GetString(2)),
                r.GetString(3),
                LocalDb.Time(r.GetString(4)),
                LocalDb.NullableString(r, 5),
                r.GetString(6)),
            cancellationToken,
            ("$n", pull.Number));
        var checks = await LocalDb.QueryAsync(
            c,
            $"SELECT context, state, sha, description, url FROM statuses WHERE sha IN {PrShas} ORDER BY updated_at, context",
            r => new CheckSnapshot(r.GetString(0), Enum.Parse<CheckState>(r.GetString(1)), r.GetString(2), r.GetString(3), LocalDb.NullableString(r, 4)),
            cancellationToken,
            shas);
        var deployments = await LocalDb.QueryAsync(
            c,
            $"SELECT environment, sha, state, at, url FROM deployments WHERE sha IN {PrShas} ORDER BY id",
            r => new DeploymentSnapshot(r.GetString(0), r.GetString(1), Enum.Parse<DeploymentState>(r.GetString(2)), LocalDb.Time(r.GetString(3)), LocalDb.NullableString(r, 4)),
            cancellationToken,
            shas);

        IReadOnlyList<ChangedFile> files = [];
        IReadOnlyDictionary<string, string> links = new Dictionary<string, string>();
        int? behind = null;
        bool? mergeable = null;
        if (head.Length > 0 && baseSha is not null)
        {
            var mergeBase = await TryGitAsync(["merge-base", baseSha, head], cancellationToken);
            if (mergeBase.Ok)
            {
                var diff = await LocalDiff.ReadAsync(BareRepository, mergeBase.Stdout.Trim(), head, cancellationToken);
                (files, links) = (diff.Files, diff.TreeLinks);
            }

            behind = int.Parse(await GitAsync(["rev-list", "--count", $"{head}..{baseSha}"], cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            mergeable = pull.State == "merged" || (await TryGitAsync(["merge-tree", "--write-tree", "--no-messages", baseSha, head], cancellationToken)).Ok;
        }

        return new PullRequestSnapshot(
            pull.Number,
            issue.Title,
            issue.Body,
            await ActorAsync(c, issue.Author, cancellationToken),
            pull.Head,
            head,
            pull.Base,
            pull.State == "open",
            pull.State == "merged",
            await LabelsOfAsync(c, pull.Number, cancellationToken),
            reviews,
            checks,
            deployments,
            files,
            issue.UpdatedAt)
        {
            BehindBy = behind,
            Mergeable = mergeable,
            TreeLinks = links,
            MergeCommitSha = pull.MergeSha,
        };
    }

    public async Task<RepositorySnapshot> ObserveAsync(CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        var name = (string?)await LocalDb.ScalarAsync(c, "SELECT value FROM meta WHERE key = 'name'", cancellationToken) ?? "local";
        var mainSha = await ResolveAsync(BranchRef(DefaultBranch), cancellationToken) ?? string.Empty;

        var issueRows = await LocalDb.QueryAsync(
            c,
            $"""
            SELECT {IssueColumns} FROM issues i WHERE kind = 'issue' AND state = 'open'
            AND EXISTS (SELECT 1 FROM issue_labels l WHERE l.number = i.number AND l.label LIKE 'autonomy:%') ORDER BY number
            """,
            MapIssue,
            cancellationToken);
        var issues = new List<IssueSnapshot>();
        foreach (var row in issueRows)
        {
            issues.Add(await IssueSnapshotAsync(c, row, cancellationToken));
        }

        var openIssues = (await LocalDb.QueryAsync(c, "SELECT number FROM issues WHERE kind = 'issue' AND state = 'open'", r => r.GetInt32(0), cancellationToken)).ToHashSet();
        var pullRows = await LocalDb.QueryAsync(
            c, "SELECT number, head, base, state, merge_sha FROM pull_requests WHERE head LIKE 'autoship/%' ORDER BY number", MapPull, cancellationToken);
        var pulls = new List<PullRequestSnapshot>();
        foreach (var row in pullRows.Where(p => p.State == "open" || (BranchNames.IssueOf(p.Head) is { } n && openIssues.Contains(n))))
        {
            pulls.Add(await PullSnapshotAsync(c, row, cancellationToken));
        }

        return new RepositorySnapshot(name, DefaultBranch, mainSha, issues, pulls, Now)
        {
            ConfigText = mainSha.Length == 0 ? null : await ShowAsync(mainSha, ".github/autoship.yml", cancellationToken),
            GitAttributesText = mainSha.Length == 0 ? null : await ShowAsync(mainSha, ".gitattributes", cancellationToken),
        };
    }

    public async Task<string?> ReadFileAsync(string path, string? gitRef, CancellationToken cancellationToken)
    {
        Count();
        return await ShowAsync(gitRef ?? DefaultBranch, path, cancellationToken);
    }

    public Task<GitRemote> GetGitRemoteAsync(CancellationToken cancellationToken)
    {
        Count();
        return Task.FromResult(new GitRemote(BareRepository, new Dictionary<string, string>()));
    }
}
