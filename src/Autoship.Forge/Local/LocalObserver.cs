using Autoship.Forge.Git;
using Autoship.Core;

namespace Autoship.Forge.Local;

/// <summary>
/// A tick's observation of the local forge: open labeled issues, Autoship's pull requests and the default branch's
/// configuration and attributes files. Branch heads come from one <c>for-each-ref</c>, its files from one <c>cat-file --batch</c>,
/// and each pull request's git facts from <see cref="LocalCommitPairs"/>. Half-done merges are completed first, and CI
/// that a killed process owed is run.
/// </summary>
internal sealed class LocalObserver(LocalContext context, LocalGit git, LocalMerger merger, LocalCi ci)
{
    public async Task<RepositorySnapshot> ObserveAsync(CancellationToken cancellationToken)
    {
        await ci.ResumeAbandonedAsync(cancellationToken);
        await GitHousekeeping.RunIfDueAsync(git.BareRepository, Path.Combine(git.BareRepository, "objects"), cancellationToken);
        await using var c = await context.ConnectAsync(cancellationToken);
        await merger.CompleteInterruptedAsync(c, null, cancellationToken);
        var name = (string?)await LocalDb.ScalarAsync(c, "SELECT value FROM meta WHERE key = 'name'", cancellationToken) ?? "local";
        var branches = await git.BranchesAsync(cancellationToken);
        var mainSha = branches.GetValueOrDefault(LocalForge.DefaultBranch) ?? string.Empty;

        var issueRows = await LocalDb.QueryAsync(
            c,
            $"""
            SELECT {LocalIssueRows.Columns} FROM issues i WHERE kind = 'issue' AND state = 'open'
            AND EXISTS (SELECT 1 FROM issue_labels l WHERE l.number = i.number AND l.label LIKE 'autonomy:%') ORDER BY number
            """,
            LocalIssueRows.Map,
            cancellationToken);
        var issues = new List<IssueSnapshot>();
        foreach (var row in issueRows)
        {
            issues.Add(await LocalIssueRows.SnapshotAsync(c, row, cancellationToken));
        }

        var openIssues = (await LocalDb.QueryAsync(c, "SELECT number FROM issues WHERE kind = 'issue' AND state = 'open'", r => r.GetInt32(0), cancellationToken)).ToHashSet();
        var pullRows = await LocalDb.QueryAsync(c, $"{LocalPullRows.Select} WHERE head LIKE 'autoship/%' ORDER BY number", LocalPullRows.Map, cancellationToken);
        var pulls = new List<PullRequestSnapshot>();
        foreach (var row in pullRows.Where(p => p.State == "open" || (BranchNames.IssueOf(p.Head) is { } n && openIssues.Contains(n))))
        {
            pulls.Add(await LocalPullSnapshots.ReadAsync(c, git, row, branches, cancellationToken));
        }

        // The attributes files that can decide something about a PR's files; main's SHA came from a ref, so what is
        // missing there stays missing.
        var attributePaths = GitAttributeFiles.DirectoriesAbove(pulls.SelectMany(p => p.Files.Select(f => f.Path))).Select(GitAttributeFiles.PathIn).ToList();
        IReadOnlyList<string?> files = mainSha.Length == 0
            ? [null, .. attributePaths.Select(_ => (string?)null)]
            : await git.ShowManyAsync(mainSha, [".github/autoship.yml", .. attributePaths], cancellationToken, existingCommit: true);
        var mainChecks = await LocalDb.QueryAsync(c, "SELECT context, state, description, url FROM statuses WHERE sha = $s ORDER BY context",
            r => new CheckSnapshot(r.GetString(0), Enum.Parse<CheckState>(r.GetString(1)), mainSha, r.GetString(2), LocalDb.NullableString(r, 3)), cancellationToken, ("$s", mainSha));
        return new RepositorySnapshot(name, LocalForge.DefaultBranch, mainSha, issues, pulls, context.Now)
        {
            DefaultBranchChecks = mainChecks,
            ConfigText = files[0],
            AttributeFiles = GitAttributeFiles.FromFiles(attributePaths.Select((p, i) => KeyValuePair.Create(p, files[i + 1]))),
            HarnessLogins = new[] { context.ActingAs, LocalForge.HarnessLogin, LocalForge.ReviewerLogin }.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            ReferencedIssues = await ReferencedAsync(c, issues, cancellationToken),
        };
    }

    /// <summary>The state of each issue a <c>Blocked by #N</c> line names that is not observed itself (closed, or not labeled).</summary>
    private static async Task<IReadOnlyDictionary<int, IssueLinkState>> ReferencedAsync(Microsoft.Data.Sqlite.SqliteConnection c, List<IssueSnapshot> issues, CancellationToken cancellationToken)
    {
        var observed = issues.Select(i => i.Number).ToHashSet();
        var wanted = issues.SelectMany(i => Autoship.Core.Planning.DependencyLines.Parse(i.Body)).Where(n => !observed.Contains(n)).Distinct().ToList();
        var states = new Dictionary<int, IssueLinkState>();
        foreach (var number in wanted)
        {
            var rows = await LocalDb.QueryAsync(c, "SELECT state, state_reason FROM issues WHERE kind = 'issue' AND number = $n",
                r => (State: r.GetString(0), Reason: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken, ("$n", number));
            if (rows.Count == 1)
            {
                states[number] = rows[0] switch
                {
                    { State: "open" } => IssueLinkState.Open,
                    { Reason: "not_planned" } => IssueLinkState.NotPlanned,
                    _ => IssueLinkState.Completed,
                };
            }
        }

        return states;
    }
}
