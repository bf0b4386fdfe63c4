using System.Globalization;
using System.Text.RegularExpressions;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>
/// Squash-merges pull requests. Moving the base branch (git) and recording the merge (SQLite) cannot be one
/// transaction, so the squash commit is recorded as an intent before the ref moves: whoever comes next — a retry of
/// the merge or the next observation — finds the intent, sees that the base already contains that commit and
/// completes the record instead of squashing the pull request a second time.
/// </summary>
internal sealed partial class LocalMerger(LocalContext context, LocalGit git, LocalIssues issues, LocalReviews reviews, LocalCandidateCi candidates)
{
    private LocalMergeQueue? queue;

    /// <summary>With CI on, merges go through the base branch's merge queue: only a tested merge result becomes the base.</summary>
    private bool UsesQueue => context.Options is { RunCi: true, MergeQueue: true };

    private LocalMergeQueue Queue => queue ??= new LocalMergeQueue(context, git, candidates, reviews, this);

    [GeneratedRegex(@"\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosingKeyword();

    public async Task<MergeResult> MergeAsync(int number, string expectedHeadSha, string commitTitle, string commitMessage, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        await CompleteInterruptedAsync(c, number, cancellationToken);
        var pull = await LocalPullRows.GetAsync(c, number, cancellationToken);
        if (pull is null)
        {
            return Refused("not-found", $"no pull request #{number}");
        }

        if (pull is { State: "merged", MergeSha: not null })
        {
            return new MergeResult(MergeOutcome.Merged, pull.MergeSha, []);
        }

        if (await context.PermissionAsync(c, cancellationToken) < Permission.Write)
        {
            return Refused("permission-denied", $"{context.ActingAs} needs write access to merge pull requests");
        }

        if (pull.State != "open")
        {
            return Refused("not-open", $"pull request #{number} is {pull.State}");
        }

        var head = await git.ResolveAsync(LocalGit.BranchRef(pull.Head), cancellationToken);
        if (head is null || !string.Equals(head, expectedHeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return Refused("head-changed", $"the head of #{number} is {LocalContext.Short(head)}, not the expected {LocalContext.Short(expectedHeadSha)}");
        }

        var baseSha = await git.ResolveAsync(LocalGit.BranchRef(pull.Base), cancellationToken);
        if (baseSha is null)
        {
            return Refused("no-base", $"base branch {pull.Base} does not exist");
        }

        var reasons = new List<Reason>(await LocalProtection.ReasonsAsync(c, pull, head, cancellationToken));
        var tree = await git.TryGitAsync(["merge-tree", "--write-tree", "--name-only", "--no-messages", baseSha, head], cancellationToken);
        if (!tree.Ok)
        {
            var paths = tree.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Distinct().Take(10).ToList();
            var where = paths.Count > 0 ? " in " + string.Join(", ", paths) : string.Empty;
            reasons.Add(new Reason("not-mergeable", $"{pull.Head} conflicts with {pull.Base}{where}: update the branch first"));
        }

        if (reasons.Count > 0)
        {
            return new MergeResult(MergeOutcome.Refused, null, reasons);
        }

        // Another process may have squashed this PR a moment ago and not recorded it yet: the base already has every
        // change, and a second squash would be an empty commit on main. Refuse; that process completes its merge.
        var treeSha = tree.Stdout.Split('\n')[0].Trim();
        if (string.Equals(treeSha, await git.GitAsync(["rev-parse", baseSha + "^{tree}"], cancellationToken), StringComparison.Ordinal))
        {
            return Refused("already-applied", $"{pull.Base} already holds every change of #{number} (merged by another process a moment ago?): nothing to squash");
        }

        if (UsesQueue)
        {
            return await Queue.MergeAsync(pull, head, commitTitle, commitMessage, cancellationToken);
        }

        var message = string.IsNullOrWhiteSpace(commitMessage) ? commitTitle : commitTitle + "\n\n" + commitMessage;
        var commit = await git.GitAsync(["commit-tree", tree.Stdout.Split('\n')[0].Trim(), "-p", baseSha, "-m", message], cancellationToken, git.CommitEnv(context.ActingAs));
        var intent = new LocalMergeIntents.Intent(commit, number, pull.Base, baseSha, head, commitMessage);
        await LocalMergeIntents.RecordAsync(c, intent, context.Now, cancellationToken);
        LocalCrashPoint.Reach("merge-after-intent");
        var moved = await git.TryGitAsync(["update-ref", LocalGit.BranchRef(pull.Base), commit, baseSha], cancellationToken);
        LocalCrashPoint.Reach("merge-after-update-ref");
        if (!moved.Ok)
        {
            await LocalMergeIntents.ForgetAsync(c, commit, cancellationToken);
            return Refused("base-changed", $"{pull.Base} moved while merging #{number}: try again");
        }

        await CompleteAsync(c, intent, cancellationToken);
        return new MergeResult(MergeOutcome.Merged, commit, []);
    }

    /// <summary>
    /// Finishes merges that a killed process left half done (of one pull request, or of all when null): an intent
    /// whose commit the base contains is completed; one whose base has moved elsewhere can never land and is dropped.
    /// An intent whose base has not moved may belong to a merge still running, and is left alone.
    /// </summary>
    public async Task CompleteInterruptedAsync(SqliteConnection c, int? number, CancellationToken cancellationToken)
    {
        foreach (var intent in await LocalMergeIntents.ListAsync(c, number, cancellationToken))
        {
            var baseSha = await git.ResolveAsync(LocalGit.BranchRef(intent.Base), cancellationToken);
            if (baseSha is not null && await git.IsAncestorAsync(intent.Commit, baseSha, cancellationToken))
            {
                await CompleteAsync(c, intent, cancellationToken);
            }
            else if (!string.Equals(baseSha, intent.BaseSha, StringComparison.Ordinal))
            {
                await LocalMergeIntents.ForgetAsync(c, intent.Commit, cancellationToken);
            }
        }
    }

    public async Task CompleteAsync(SqliteConnection c, LocalMergeIntents.Intent intent, CancellationToken cancellationToken)
    {
        await using var tx = c.BeginTransaction(deferred: false);
        var marked = await LocalDb.ExecAsync(c, "UPDATE pull_requests SET state = 'merged', merge_sha = $s WHERE number = $n AND state <> 'merged'", cancellationToken,
            ("$s", intent.Commit), ("$n", intent.Number));
        if (marked > 0)
        {
            await issues.CloseRowAsync(c, intent.Number, cancellationToken);
            await context.RecordAsync(c, "merged", LocalContext.Target(intent.Number), new { sha = intent.Commit, head = intent.HeadSha, @base = intent.Base }, cancellationToken);
            var body = (await LocalIssueRows.RequireAsync(c, intent.Number, cancellationToken)).Body;
            foreach (Match m in ClosingKeyword().Matches(body + "\n" + intent.Message))
            {
                var linked = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (await LocalIssueRows.GetAsync(c, linked, cancellationToken) is { Kind: "issue" })
                {
                    await issues.CloseRowAsync(c, linked, cancellationToken);
                }
            }
        }

        await LocalDb.ExecAsync(c, "DELETE FROM merge_intents WHERE pr = $n", cancellationToken, ("$n", intent.Number));
        await tx.CommitAsync(cancellationToken);
    }

    private static MergeResult Refused(string code, string message) => new(MergeOutcome.Refused, null, [new Reason(code, message)]);
}
