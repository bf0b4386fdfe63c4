using Autoship.Core;

namespace Autoship.Forge.Local;

/// <summary>
/// People's comments on a pull request of the local forge: its conversation (the issue-shaped <c>comments</c> rows of
/// the PR's number) and inline review comments on a path and line of its head (<c>review_comments</c>). Anyone who
/// can open the forge may comment, as on a public GitHub repository; each author's access is read with the comment.
/// </summary>
internal sealed class LocalPullComments(LocalContext context, LocalGit git, LocalIssues issues)
{
    public async Task<IReadOnlyList<PullRequestComment>> ListAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        var conversation = await LocalDb.QueryAsync(
            c,
            "SELECT m.author, u.role, m.body, m.created_at FROM comments m LEFT JOIN users u ON u.login = m.author WHERE m.number = $n ORDER BY m.id",
            r => new PullRequestComment(new Actor(r.GetString(0), LocalRole.ToPermission(LocalDb.NullableString(r, 1))), r.GetString(2), LocalDb.Time(r.GetString(3))),
            cancellationToken,
            ("$n", number));
        var inline = await LocalDb.QueryAsync(
            c,
            "SELECT m.author, u.role, m.body, m.created_at, m.path, m.line FROM review_comments m LEFT JOIN users u ON u.login = m.author WHERE m.pr = $n ORDER BY m.id",
            r => new PullRequestComment(new Actor(r.GetString(0), LocalRole.ToPermission(LocalDb.NullableString(r, 1))), r.GetString(2), LocalDb.Time(r.GetString(3)))
            {
                Path = r.GetString(4),
                Line = r.IsDBNull(5) ? null : r.GetInt32(5),
            },
            cancellationToken,
            ("$n", number));
        return [.. conversation.Concat(inline).OrderBy(x => x.CreatedAt)];
    }

    /// <summary>A person's inline comment (as the acting user) on <paramref name="path"/> at the pull request's current head.</summary>
    public Task AddInlineAsync(int number, string path, int? line, string body, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            var pull = await LocalPullRows.RequireAsync(c, number, cancellationToken);
            var head = await LocalPullSnapshots.HeadShaAsync(c, git, pull, null, cancellationToken);
            await LocalDb.ExecAsync(c, "INSERT INTO review_comments(pr, author, path, line, commit_sha, body, created_at) VALUES ($n, $a, $p, $l, $s, $b, $t)", cancellationToken,
                ("$n", number), ("$a", context.ActingAs), ("$p", path), ("$l", line), ("$s", head), ("$b", body), ("$t", LocalDb.Time(context.Now)));
            await context.RecordAsync(c, "review_comment", LocalContext.Target(number), new { path, line }, cancellationToken);
        }, cancellationToken);

    /// <summary>A person's conversation comment (as the acting user), unmarked: it is never state.</summary>
    public Task AddAsync(int number, string body, CancellationToken cancellationToken) => issues.AddCommentAsync(number, body, cancellationToken);
}
