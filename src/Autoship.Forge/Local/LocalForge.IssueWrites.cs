using System.Globalization;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    /// <summary>
    /// Opens an issue as the acting user. Anyone may open one, with labels: on GitHub an issue form applies its
    /// labels for whoever files it, so a stranger's issue can arrive already labeled <c>autonomy:ready</c> — the
    /// label timeline names the stranger, and triage refuses to start an agent for it. Labeling later needs write access.
    /// </summary>
    public async Task<IssueSnapshot> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);

        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var number = await InsertIssueAsync(c, "issue", title, body, cancellationToken);
        await AddLabelsAsync(c, number, labels, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (await IssueSnapshotAsync(c, number, cancellationToken))!;
    }

    public async Task AddUserAsync(string login, string role, CancellationToken cancellationToken)
    {
        if (!LocalRole.IsValid(role))
        {
            throw new ForgeException("bad-role", $"'{role}' is not a role: expected owner, writer or reader");
        }

        await using var c = await ConnectAsync(cancellationToken);
        if (LocalRole.ToPermission(await RoleOfAsync(c, ActingAs, cancellationToken)) < Permission.Admin)
        {
            throw new ForgeException("forbidden", $"{ActingAs} needs admin access (the owner role) to add users");
        }

        await LocalDb.ExecAsync(c, "INSERT INTO users(login, role) VALUES ($l, $r) ON CONFLICT(login) DO UPDATE SET role = $r", cancellationToken, ("$l", login), ("$r", role));
        await RecordAsync(c, "user.added", "user:" + login, new { role }, cancellationToken);
    }

    public async Task AddLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "label issues", cancellationToken);
        await RequireIssueAsync(c, number, cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await AddLabelsAsync(c, number, labels, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task RemoveLabelAsync(int number, string label, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "label issues", cancellationToken);
        await RequireIssueAsync(c, number, cancellationToken);
        var removed = await LocalDb.ExecAsync(c, "DELETE FROM issue_labels WHERE number = $n AND label = $l", cancellationToken, ("$n", number), ("$l", label));
        if (removed > 0)
        {
            await TouchAsync(c, number, cancellationToken);
            await RecordAsync(c, "unlabeled", Target(number), new { label }, cancellationToken);
        }
    }

    public async Task SetAssigneesAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "assign issues", cancellationToken);
        await RequireIssueAsync(c, number, cancellationToken);
        var current = await AssigneesOfAsync(c, number, cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        foreach (var gone in current.Except(logins, StringComparer.OrdinalIgnoreCase))
        {
            await LocalDb.ExecAsync(c, "DELETE FROM assignees WHERE number = $n AND login = $l", cancellationToken, ("$n", number), ("$l", gone));
            await RecordAsync(c, "unassigned", Target(number), new { login = gone }, cancellationToken);
        }

        foreach (var added in logins.Except(current, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await LocalDb.ExecAsync(c, "INSERT INTO assignees(number, login) VALUES ($n, $l)", cancellationToken, ("$n", number), ("$l", added));
            await RecordAsync(c, "assigned", Target(number), new { login = added }, cancellationToken);
        }

        await TouchAsync(c, number, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        // The marker is how the next tick finds this comment again, so it must be in the body.
        var text = body.Contains(marker, StringComparison.Ordinal) ? body : marker + "\n" + body;
        await using var c = await ConnectAsync(cancellationToken);
        await RequireIssueAsync(c, number, cancellationToken);
        var now = LocalDb.Time(Now);
        var id = await LocalDb.ScalarAsync(
            c, "SELECT id FROM comments WHERE number = $n AND instr(body, $m) > 0 ORDER BY id LIMIT 1", cancellationToken, ("$n", number), ("$m", marker));
        if (id is null)
        {
            await LocalDb.ExecAsync(c, "INSERT INTO comments(number, author, body, created_at, updated_at) VALUES ($n, $a, $b, $t, $t)", cancellationToken,
                ("$n", number), ("$a", ActingAs), ("$b", text), ("$t", now));
            await RecordAsync(c, "commented", Target(number), new { marker }, cancellationToken);
        }
        else
        {
            var changed = await LocalDb.ExecAsync(c, "UPDATE comments SET body = $b, updated_at = $t WHERE id = $i AND body <> $b", cancellationToken,
                ("$b", text), ("$t", now), ("$i", id));
            if (changed > 0)
            {
                await RecordAsync(c, "comment.edited", Target(number), new { marker, id }, cancellationToken);
            }
        }

        await TouchAsync(c, number, cancellationToken);
    }

    public async Task CloseIssueAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "close issues", cancellationToken);
        await RequireIssueAsync(c, number, cancellationToken);
        await CloseIssueRowAsync(c, number, cancellationToken);
    }

    private async Task CloseIssueRowAsync(SqliteConnection c, int number, CancellationToken cancellationToken)
    {
        var closed = await LocalDb.ExecAsync(c, "UPDATE issues SET state = 'closed', updated_at = $t WHERE number = $n AND state = 'open'", cancellationToken,
            ("$t", LocalDb.Time(Now)), ("$n", number));
        if (closed > 0)
        {
            await RecordAsync(c, "closed", Target(number), new { }, cancellationToken);
        }
    }

    private async Task<int> InsertIssueAsync(SqliteConnection c, string kind, string title, string body, CancellationToken cancellationToken)
    {
        var next = Convert.ToInt32(await LocalDb.ScalarAsync(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM issues", cancellationToken), CultureInfo.InvariantCulture);
        var now = LocalDb.Time(Now);
        await LocalDb.ExecAsync(c, "INSERT INTO issues(number, kind, title, body, author, state, created_at, updated_at) VALUES ($n, $k, $ti, $b, $a, 'open', $t, $t)",
            cancellationToken, ("$n", next), ("$k", kind), ("$ti", title), ("$b", body), ("$a", ActingAs), ("$t", now));
        await RecordAsync(c, kind == "pr" ? "pr.opened" : "issue.opened", Target(next), new { title }, cancellationToken);
        return next;
    }

    /// <summary>Adds the labels that are not there yet (creating unknown ones, as GitHub does) and records one event per add.</summary>
    private async Task AddLabelsAsync(SqliteConnection c, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        foreach (var label in labels.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO labels(name, color, description) VALUES ($l, 'ededed', '')", cancellationToken, ("$l", label));
            var added = await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO issue_labels(number, label) VALUES ($n, $l)", cancellationToken, ("$n", number), ("$l", label));
            if (added > 0)
            {
                await RecordAsync(c, "labeled", Target(number), new { label }, cancellationToken);
            }
        }

        await TouchAsync(c, number, cancellationToken);
    }

    private async Task TouchAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(c, "UPDATE issues SET updated_at = $t WHERE number = $n", cancellationToken, ("$t", LocalDb.Time(Now)), ("$n", number));

    private static async Task RequireIssueAsync(SqliteConnection c, int number, CancellationToken cancellationToken)
    {
        if (await IssueRowAsync(c, number, cancellationToken) is null)
        {
            throw new ForgeException("not-found", $"no issue or pull request #{number}");
        }
    }
}
