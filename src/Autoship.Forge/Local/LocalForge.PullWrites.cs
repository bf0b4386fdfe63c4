using Autoship.Core;
using Autoship.Forge.Git;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    public async Task PushBranchAsync(string localRepository, string branch, string? expectedRemoteSha, CancellationToken cancellationToken)
    {
        if (string.Equals(branch, DefaultBranch, StringComparison.Ordinal))
        {
            throw new ForgeException("protected-branch", $"refusing to push {DefaultBranch}: changes reach {DefaultBranch} only by merging a pull request");
        }

        await using (var c = await ConnectAsync(cancellationToken))
        {
            await RequireWriteAsync(c, "push branches", cancellationToken);
        }

        var lease = $"--force-with-lease={BranchRef(branch)}:{expectedRemoteSha ?? string.Empty}";
        var push = await GitCli.TryRunAsync(
            localRepository, ["push", "--quiet", "--no-verify", lease, BareRepository, $"{BranchRef(branch)}:{BranchRef(branch)}"], null, null, cancellationToken);
        if (!push.Ok)
        {
            throw new ForgeException("push-rejected", $"push of {branch} was rejected: {push.Stderr.Trim()}");
        }

        var sha = await ResolveAsync(BranchRef(branch), cancellationToken) ?? throw new ForgeException("push-rejected", $"{branch} is missing after the push");
        await using (var c = await db.OpenAsync(cancellationToken))
        {
            await LocalDb.ExecAsync(c, "INSERT INTO pushes(branch, sha, actor, at) VALUES ($b, $s, $a, $t)", cancellationToken,
                ("$b", branch), ("$s", sha), ("$a", ActingAs), ("$t", LocalDb.Time(Now)));
            await RecordAsync(c, "pushed", "branch:" + branch, new { sha, expected = expectedRemoteSha }, cancellationToken);
        }

        if (options.RunCi)
        {
            await RunCiAsync(sha, cancellationToken);
        }
    }

    public async Task DeleteBranchAsync(string branch, CancellationToken cancellationToken)
    {
        if (string.Equals(branch, DefaultBranch, StringComparison.Ordinal))
        {
            throw new ForgeException("protected-branch", $"refusing to delete {DefaultBranch}");
        }

        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "delete branches", cancellationToken);
        if (await ResolveAsync(BranchRef(branch), cancellationToken) is not null)
        {
            await GitAsync(["update-ref", "-d", BranchRef(branch)], cancellationToken);
            await RecordAsync(c, "branch.deleted", "branch:" + branch, new { }, cancellationToken);
        }
    }

    /// <summary>Opens a pull request; when one is already open for the same head it is returned unchanged (GitHub would refuse a second).</summary>
    public async Task<PullRequestSnapshot> CreatePullRequestAsync(NewPullRequest request, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "open pull requests from branches of the repository", cancellationToken);
        if (await ResolveAsync(BranchRef(request.Head), cancellationToken) is null)
        {
            throw new ForgeException("no-branch", $"branch {request.Head} does not exist: push it first");
        }

        if (await ResolveAsync(BranchRef(request.Base), cancellationToken) is null)
        {
            throw new ForgeException("no-branch", $"base branch {request.Base} does not exist");
        }

        var existing = (await LocalDb.QueryAsync(
            c, "SELECT number, head, base, state, merge_sha FROM pull_requests WHERE head = $h AND state = 'open'", MapPull, cancellationToken, ("$h", request.Head))).FirstOrDefault();
        if (existing is not null)
        {
            return await PullSnapshotAsync(c, existing, cancellationToken);
        }

        int number;
        await using (var tx = await c.BeginTransactionAsync(cancellationToken))
        {
            number = await InsertIssueAsync(c, "pr", request.Title, request.Body, cancellationToken);
            await LocalDb.ExecAsync(c, "INSERT INTO pull_requests(number, head, base, state) VALUES ($n, $h, $b, 'open')", cancellationToken,
                ("$n", number), ("$h", request.Head), ("$b", request.Base));
            await AddLabelsAsync(c, number, request.Labels, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return await PullSnapshotAsync(c, (await PullRowAsync(c, number, cancellationToken))!, cancellationToken);
    }

    public async Task UpdatePullRequestAsync(int number, string? title, string? body, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "edit pull requests", cancellationToken);
        _ = await RequirePullAsync(c, number, cancellationToken);
        await LocalDb.ExecAsync(c, "UPDATE issues SET title = COALESCE($ti, title), body = COALESCE($b, body), updated_at = $t WHERE number = $n", cancellationToken,
            ("$ti", title), ("$b", body), ("$t", LocalDb.Time(Now)), ("$n", number));
        await RecordAsync(c, "pr.edited", Target(number), new { title = title is not null, body = body is not null }, cancellationToken);
    }

    public async Task ClosePullRequestAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "close pull requests", cancellationToken);
        _ = await RequirePullAsync(c, number, cancellationToken);
        if (await LocalDb.ExecAsync(c, "UPDATE pull_requests SET state = 'closed' WHERE number = $n AND state = 'open'", cancellationToken, ("$n", number)) > 0)
        {
            await CloseIssueRowAsync(c, number, cancellationToken);
        }
    }

    public async Task RequestReviewersAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "request reviews", cancellationToken);
        _ = await RequirePullAsync(c, number, cancellationToken);
        foreach (var login in logins)
        {
            if (await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO review_requests(pr, login) VALUES ($n, $l)", cancellationToken, ("$n", number), ("$l", login)) > 0)
            {
                await RecordAsync(c, "review.requested", Target(number), new { login }, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<string>> ListRequestedReviewersAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        return await LocalDb.QueryAsync(c, "SELECT login FROM review_requests WHERE pr = $n ORDER BY login", r => r.GetString(0), cancellationToken, ("$n", number));
    }

    public async Task SetCommitStatusAsync(string sha, CommitStatus status, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "set commit statuses", cancellationToken);
        await UpsertStatusAsync(c, sha, status, null, cancellationToken);
    }

    private async Task UpsertStatusAsync(SqliteConnection c, string sha, CommitStatus status, string? logPath, CancellationToken cancellationToken)
    {
        var description = status.Description.Length > 140 ? status.Description[..140] : status.Description;
        await LocalDb.ExecAsync(
            c,
            """
            INSERT INTO statuses(sha, context, state, description, url, log_path, updated_at) VALUES ($s, $c, $st, $d, $u, $l, $t)
            ON CONFLICT(sha, context) DO UPDATE SET state = $st, description = $d, url = $u, log_path = COALESCE($l, log_path), updated_at = $t
            """,
            cancellationToken,
            ("$s", sha), ("$c", status.Context), ("$st", status.State.ToString()), ("$d", description), ("$u", status.TargetUrl), ("$l", logPath), ("$t", LocalDb.Time(Now)));
        await RecordAsync(c, "status", "sha:" + sha, new { context = status.Context, state = status.State.ToString(), description }, cancellationToken);
    }

    private static async Task<PullRow> RequirePullAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await PullRowAsync(c, number, cancellationToken) ?? throw new ForgeException("not-found", $"no pull request #{number}");
}
