using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>Builds a <see cref="PullRequestSnapshot"/> from the database and the repository.</summary>
internal static class LocalPullSnapshots
{
    /// <summary>The branch's current commit, or (once the branch is gone) the last commit pushed to it.</summary>
    public static async Task<string> HeadShaAsync(SqliteConnection c, LocalGit git, LocalPullRows.Row pull, IReadOnlyDictionary<string, string>? branches, CancellationToken cancellationToken) =>
        (branches is null ? await git.ResolveAsync(LocalGit.BranchRef(pull.Head), cancellationToken) : branches.GetValueOrDefault(pull.Head))
        ?? await LocalPullRows.LastPushAsync(c, pull.Head, cancellationToken)
        ?? string.Empty;

    /// <param name="branches">Every branch's commit when the caller already read them (an observation), else null.</param>
    public static async Task<PullRequestSnapshot> ReadAsync(
        SqliteConnection c, LocalGit git, LocalPullRows.Row pull, IReadOnlyDictionary<string, string>? branches, CancellationToken cancellationToken)
    {
        var issue = await LocalIssueRows.RequireAsync(c, pull.Number, cancellationToken);
        var head = await HeadShaAsync(c, git, pull, branches, cancellationToken);
        var baseSha = branches is null ? await git.ResolveAsync(LocalGit.BranchRef(pull.Base), cancellationToken) : branches.GetValueOrDefault(pull.Base);
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
        IReadOnlyList<string> conflicts = [];
        if (head.Length > 0 && baseSha is not null)
        {
            var facts = await LocalCommitPairs.GetAsync(git, baseSha, head, cancellationToken);
            (files, links, behind) = (facts.Files, facts.TreeLinks, facts.Behind);
            mergeable = pull.State == "merged" || facts.Mergeable;
            conflicts = mergeable == true ? [] : facts.ConflictPaths;
        }

        return new PullRequestSnapshot(
            pull.Number,
            issue.Title,
            issue.Body,
            await LocalIssueRows.ActorAsync(c, issue.Author, cancellationToken),
            pull.Head,
            head,
            pull.Base,
            pull.State == "open",
            pull.State == "merged",
            await LocalIssueRows.LabelsAsync(c, pull.Number, cancellationToken),
            reviews,
            checks,
            deployments,
            files,
            issue.UpdatedAt)
        {
            BehindBy = behind,
            Mergeable = mergeable,
            ConflictPaths = conflicts,
            TreeLinks = links,
            MergeCommitSha = pull.MergeSha,
        };
    }
}
