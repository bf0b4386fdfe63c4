using Autoship.Core;

namespace Autoship.Forge.Local;

/// <summary>Pull requests of the local forge: reading them as snapshots, opening, editing, closing, requesting reviewers.</summary>
internal sealed class LocalPullRequests(LocalContext context, LocalGit git, LocalIssues issues)
{
    public async Task<PullRequestSnapshot?> GetAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        var pull = await LocalPullRows.GetAsync(c, number, cancellationToken);
        return pull is null ? null : await LocalPullSnapshots.ReadAsync(c, git, pull, null, cancellationToken);
    }

    public async Task<IReadOnlyList<PullRequestSnapshot>> ListAsync(string state, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        var rows = await LocalDb.QueryAsync(c, $"{LocalPullRows.Select} WHERE $s = 'all' OR state = $s ORDER BY number", LocalPullRows.Map, cancellationToken, ("$s", state));
        var branches = await git.BranchesAsync(cancellationToken);
        var list = new List<PullRequestSnapshot>();
        foreach (var row in rows)
        {
            list.Add(await LocalPullSnapshots.ReadAsync(c, git, row, branches, cancellationToken));
        }

        return list;
    }

    /// <summary>Opens a pull request; when one is already open for the same head it is returned unchanged (GitHub would refuse a second).</summary>
    public async Task<PullRequestSnapshot> CreateAsync(NewPullRequest request, CancellationToken cancellationToken)
    {
        if (await git.ResolveAsync(LocalGit.BranchRef(request.Head), cancellationToken) is null)
        {
            throw new ForgeException("no-branch", $"branch {request.Head} does not exist: push it first");
        }

        if (await git.ResolveAsync(LocalGit.BranchRef(request.Base), cancellationToken) is null)
        {
            throw new ForgeException("no-branch", $"base branch {request.Base} does not exist");
        }

        // The look-up and the insert share one transaction: two writers cannot both open a pull request for one head.
        var number = await context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "open pull requests from branches of the repository", cancellationToken);
            if (await LocalPullRows.OpenForHeadAsync(c, request.Head, cancellationToken) is { } existing)
            {
                return existing.Number;
            }

            var n = await issues.InsertAsync(c, "pr", request.Title, request.Body, cancellationToken);
            await LocalDb.ExecAsync(c, "INSERT INTO pull_requests(number, head, base, state) VALUES ($n, $h, $b, 'open')", cancellationToken,
                ("$n", n), ("$h", request.Head), ("$b", request.Base));
            await issues.AddLabelsAsync(c, n, request.Labels, cancellationToken);
            return n;
        }, cancellationToken);
        await using var read = await context.Db.OpenAsync(cancellationToken);
        return await LocalPullSnapshots.ReadAsync(read, git, await LocalPullRows.RequireAsync(read, number, cancellationToken), null, cancellationToken);
    }

    public Task UpdateAsync(int number, string? title, string? body, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "edit pull requests", cancellationToken);
            await LocalPullRows.RequireAsync(c, number, cancellationToken);
            await LocalDb.ExecAsync(c, "UPDATE issues SET title = COALESCE($ti, title), body = COALESCE($b, body), updated_at = $t WHERE number = $n", cancellationToken,
                ("$ti", title), ("$b", body), ("$t", LocalDb.Time(context.Now)), ("$n", number));
            await context.RecordAsync(c, "pr.edited", LocalContext.Target(number), new { title = title is not null, body = body is not null }, cancellationToken);
        }, cancellationToken);

    public Task CloseAsync(int number, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "close pull requests", cancellationToken);
            await LocalPullRows.RequireAsync(c, number, cancellationToken);
            if (await LocalDb.ExecAsync(c, "UPDATE pull_requests SET state = 'closed' WHERE number = $n AND state = 'open'", cancellationToken, ("$n", number)) > 0)
            {
                await issues.CloseRowAsync(c, number, cancellationToken);
            }
        }, cancellationToken);

    public Task RequestReviewersAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "request reviews", cancellationToken);
            await LocalPullRows.RequireAsync(c, number, cancellationToken);
            foreach (var login in logins)
            {
                if (await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO review_requests(pr, login) VALUES ($n, $l)", cancellationToken, ("$n", number), ("$l", login)) > 0)
                {
                    await context.RecordAsync(c, "review.requested", LocalContext.Target(number), new { login }, cancellationToken);
                }
            }
        }, cancellationToken);

    public async Task<IReadOnlyList<string>> ListRequestedReviewersAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        return await LocalDb.QueryAsync(c, "SELECT login FROM review_requests WHERE pr = $n ORDER BY login", r => r.GetString(0), cancellationToken, ("$n", number));
    }
}
