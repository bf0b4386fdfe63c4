using System.Globalization;
using System.Text.RegularExpressions;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    [GeneratedRegex(@"\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosingKeyword();

    public async Task<MergeResult> MergeAsync(int number, string expectedHeadSha, string commitTitle, string commitMessage, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        var pull = await PullRowAsync(c, number, cancellationToken);
        if (pull is null)
        {
            return Refused("not-found", $"no pull request #{number}");
        }

        if (pull is { State: "merged", MergeSha: not null })
        {
            return new MergeResult(MergeOutcome.Merged, pull.MergeSha, []);
        }

        if (LocalRole.ToPermission(await RoleOfAsync(c, ActingAs, cancellationToken)) < Permission.Write)
        {
            return Refused("permission-denied", $"{ActingAs} needs write access to merge pull requests");
        }

        if (pull.State != "open")
        {
            return Refused("not-open", $"pull request #{number} is {pull.State}");
        }

        var head = await ResolveAsync(BranchRef(pull.Head), cancellationToken);
        if (head is null || !string.Equals(head, expectedHeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return Refused("head-changed", $"the head of #{number} is {Short(head)}, not the expected {Short(expectedHeadSha)}");
        }

        var baseSha = await ResolveAsync(BranchRef(pull.Base), cancellationToken);
        if (baseSha is null)
        {
            return Refused("no-base", $"base branch {pull.Base} does not exist");
        }

        var reasons = new List<Reason>(await ProtectionReasonsAsync(c, pull, head, cancellationToken));
        var tree = await TryGitAsync(["merge-tree", "--write-tree", "--no-messages", baseSha, head], cancellationToken);
        if (!tree.Ok)
        {
            reasons.Add(new Reason("not-mergeable", $"{pull.Head} conflicts with {pull.Base}: update the branch first"));
        }

        if (reasons.Count > 0)
        {
            return new MergeResult(MergeOutcome.Refused, null, reasons);
        }

        var message = string.IsNullOrWhiteSpace(commitMessage) ? commitTitle : commitTitle + "\n\n" + commitMessage;
        var commit = await GitAsync(["commit-tree", tree.Stdout.Split('\n')[0].Trim(), "-p", baseSha, "-m", message], cancellationToken, CommitEnv(ActingAs));
        var moved = await TryGitAsync(["update-ref", BranchRef(pull.Base), commit, baseSha], cancellationToken);
        if (!moved.Ok)
        {
            return Refused("base-changed", $"{pull.Base} moved while merging #{number}: try again");
        }

        await using (var tx = await c.BeginTransactionAsync(cancellationToken))
        {
            await LocalDb.ExecAsync(c, "UPDATE pull_requests SET state = 'merged', merge_sha = $s WHERE number = $n", cancellationToken, ("$s", commit), ("$n", number));
            await CloseIssueRowAsync(c, number, cancellationToken);
            await RecordAsync(c, "merged", Target(number), new { sha = commit, head, @base = pull.Base }, cancellationToken);
            var body = (await IssueRowAsync(c, number, cancellationToken))!.Body;
            foreach (Match m in ClosingKeyword().Matches(body + "\n" + commitMessage))
            {
                var linked = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (await IssueRowAsync(c, linked, cancellationToken) is { Kind: "issue" })
                {
                    await CloseIssueRowAsync(c, linked, cancellationToken);
                }
            }

            await tx.CommitAsync(cancellationToken);
        }

        return new MergeResult(MergeOutcome.Merged, commit, []);
    }

    /// <summary>What the base branch's protection still needs, checked on the head commit only.</summary>
    private async Task<IReadOnlyList<Reason>> ProtectionReasonsAsync(SqliteConnection c, PullRow pull, string head, CancellationToken cancellationToken)
    {
        var protection = await ProtectionOfAsync(c, pull.Base, cancellationToken);
        if (protection is null)
        {
            return [];
        }

        var reasons = new List<Reason>();
        var author = (await IssueRowAsync(c, pull.Number, cancellationToken))!.Author;
        var latest = await LocalDb.QueryAsync(
            c,
            """
            SELECT r.login, r.state, r.commit_sha, u.role FROM reviews r LEFT JOIN users u ON u.login = r.login
            WHERE r.pr = $n AND r.state <> 'Commented' AND r.id = (SELECT MAX(id) FROM reviews x WHERE x.pr = r.pr AND x.login = r.login AND x.state <> 'Commented')
            """,
            r => (Login: r.GetString(0), State: r.GetString(1), Sha: r.GetString(2), Permission: LocalRole.ToPermission(LocalDb.NullableString(r, 3))),
            cancellationToken,
            ("$n", pull.Number));
        var counted = latest.Where(r => r.Permission >= Permission.Write && !string.Equals(r.Login, author, StringComparison.OrdinalIgnoreCase)).ToList();
        var approvals = counted.Count(r => r.State == nameof(ReviewState.Approved) && r.Sha == head);
        if (approvals < protection.RequiredApprovals)
        {
            reasons.Add(new Reason("required-review-missing", $"{pull.Base} needs {protection.RequiredApprovals} approval(s) on {Short(head)} from writers other than {author}; has {approvals}"));
        }

        if (protection.RequiredApprovals > 0 && counted.FirstOrDefault(r => r.State == nameof(ReviewState.ChangesRequested)) is { Login: { } blocker })
        {
            reasons.Add(new Reason("changes-requested", $"{blocker} requested changes"));
        }

        foreach (var check in protection.RequiredChecks)
        {
            var state = (string?)await LocalDb.ScalarAsync(c, "SELECT state FROM statuses WHERE sha = $s AND context = $c", cancellationToken, ("$s", head), ("$c", check));
            if (state is null || state == nameof(CheckState.Pending))
            {
                reasons.Add(new Reason("required-check-missing", $"required check '{check}' has not passed on {Short(head)} yet"));
            }
            else if (state is not (nameof(CheckState.Success) or nameof(CheckState.Neutral) or nameof(CheckState.Skipped)))
            {
                reasons.Add(new Reason("required-check-failed", $"required check '{check}' is {state.ToLowerInvariant()} on {Short(head)}"));
            }
        }

        return reasons;
    }

    private static MergeResult Refused(string code, string message) => new(MergeOutcome.Refused, null, [new Reason(code, message)]);

    private static string Short(string? sha) => sha is null ? "(none)" : sha[..Math.Min(7, sha.Length)];
}
