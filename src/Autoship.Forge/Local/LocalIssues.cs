using System.Globalization;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>Issues of the local forge: reading them, labels, assignees, the marked comments Autoship owns, closing.</summary>
internal sealed class LocalIssues(LocalContext context)
{
    /// <summary>
    /// Opens an issue as the acting user. Anyone may open one, with labels: on GitHub an issue form applies its
    /// labels for whoever files it, so a stranger's issue can arrive already labeled <c>autonomy:ready</c> — the
    /// label timeline names the stranger, and triage refuses to start an agent for it. Labeling later needs write access.
    /// </summary>
    public async Task<IssueSnapshot> CreateAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var number = await context.WriteAsync(async c =>
        {
            var n = await InsertAsync(c, "issue", title, body, cancellationToken);
            await AddLabelsAsync(c, n, labels, cancellationToken);
            return n;
        }, cancellationToken);
        await using var read = await context.Db.OpenAsync(cancellationToken);
        return await LocalIssueRows.SnapshotAsync(read, await LocalIssueRows.RequireAsync(read, number, cancellationToken), cancellationToken);
    }

    /// <summary>Reopens and rewrites the issue the acting user opened with <paramref name="marker"/> in its body, or opens it.</summary>
    public Task<int> UpsertMarkedAsync(string marker, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "file issues", cancellationToken);
            var found = await LocalDb.ScalarAsync(c, "SELECT number FROM issues WHERE kind = 'issue' AND author = $a AND instr(body, $m) > 0 ORDER BY number LIMIT 1",
                cancellationToken, ("$a", context.ActingAs), ("$m", marker));
            if (found is null or DBNull)
            {
                var created = await InsertAsync(c, "issue", title, body, cancellationToken);
                await AddLabelsAsync(c, created, labels, cancellationToken);
                return created;
            }

            var number = Convert.ToInt32(found, CultureInfo.InvariantCulture);
            var reopened = await LocalDb.ExecAsync(c, "UPDATE issues SET state = 'open', state_reason = NULL, title = $ti, body = $b, updated_at = $t WHERE number = $n AND state = 'closed'",
                cancellationToken, ("$ti", title), ("$b", body), ("$t", LocalDb.Time(context.Now)), ("$n", number));
            if (reopened > 0)
            {
                await context.RecordAsync(c, "reopened", LocalContext.Target(number), new { }, cancellationToken);
            }
            else
            {
                await LocalDb.ExecAsync(c, "UPDATE issues SET title = $ti, body = $b, updated_at = $t WHERE number = $n",
                    cancellationToken, ("$ti", title), ("$b", body), ("$t", LocalDb.Time(context.Now)), ("$n", number));
            }

            await AddLabelsAsync(c, number, labels, cancellationToken);
            return number;
        }, cancellationToken);

    /// <summary>The issue <see cref="UpsertMarkedAsync"/> writes (the acting identity's, with the marker), or null; one query, no label needed.</summary>
    public async Task<MarkedIssue?> FindMarkedAsync(string marker, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        var rows = await LocalDb.QueryAsync(
            c, $"SELECT {LocalIssueRows.Columns} FROM issues WHERE kind = 'issue' AND author = $a AND instr(body, $m) > 0 ORDER BY number LIMIT 1", LocalIssueRows.Map,
            cancellationToken, ("$a", context.ActingAs), ("$m", marker));
        if (rows.Count == 0)
        {
            return null;
        }

        var issue = await LocalIssueRows.SnapshotAsync(c, rows[0], cancellationToken);
        return new MarkedIssue(issue.Number, issue.Title, issue.Body, issue.Open, issue.Labels);
    }

    public async Task<IssueSnapshot?> GetAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        var row = await LocalIssueRows.GetAsync(c, number, cancellationToken);
        return row is { Kind: "issue" } ? await LocalIssueRows.SnapshotAsync(c, row, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<IssueSnapshot>> ListAsync(string state, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        var rows = await LocalDb.QueryAsync(
            c, $"SELECT {LocalIssueRows.Columns} FROM issues WHERE kind = 'issue' AND ($s = 'all' OR state = $s) ORDER BY number", LocalIssueRows.Map, cancellationToken, ("$s", state));
        var list = new List<IssueSnapshot>();
        foreach (var row in rows)
        {
            list.Add(await LocalIssueRows.SnapshotAsync(c, row, cancellationToken));
        }

        return list;
    }

    public async Task<IReadOnlyList<LocalComment>> ListCommentsAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        return await LocalDb.QueryAsync(
            c,
            "SELECT id, author, body, created_at, updated_at FROM comments WHERE number = $n ORDER BY id",
            r => new LocalComment(r.GetInt64(0), r.GetString(1), r.GetString(2), LocalDb.Time(r.GetString(3)), LocalDb.Time(r.GetString(4))),
            cancellationToken,
            ("$n", number));
    }

    public async Task<string?> FindCommentAsync(int number, string marker, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        return (await LocalIssueRows.MarkedCommentAsync(c, number, marker, context.ActingAs, cancellationToken))?.Body;
    }

    public Task AddLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "label issues", cancellationToken);
            await LocalIssueRows.RequireAsync(c, number, cancellationToken);
            await AddLabelsAsync(c, number, labels, cancellationToken);
        }, cancellationToken);

    public Task RemoveLabelAsync(int number, string label, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "label issues", cancellationToken);
            await LocalIssueRows.RequireAsync(c, number, cancellationToken);
            if (await LocalDb.ExecAsync(c, "DELETE FROM issue_labels WHERE number = $n AND label = $l", cancellationToken, ("$n", number), ("$l", label)) > 0)
            {
                await TouchAsync(c, number, cancellationToken);
                await context.RecordAsync(c, "unlabeled", LocalContext.Target(number), new { label }, cancellationToken);
            }
        }, cancellationToken);

    public Task SetAssigneesAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "assign issues", cancellationToken);
            await LocalIssueRows.RequireAsync(c, number, cancellationToken);
            var current = await LocalIssueRows.AssigneesAsync(c, number, cancellationToken);
            foreach (var gone in current.Except(logins, StringComparer.OrdinalIgnoreCase))
            {
                await LocalDb.ExecAsync(c, "DELETE FROM assignees WHERE number = $n AND login = $l", cancellationToken, ("$n", number), ("$l", gone));
                await context.RecordAsync(c, "unassigned", LocalContext.Target(number), new { login = gone }, cancellationToken);
            }

            foreach (var added in logins.Except(current, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await LocalDb.ExecAsync(c, "INSERT INTO assignees(number, login) VALUES ($n, $l)", cancellationToken, ("$n", number), ("$l", added));
                await context.RecordAsync(c, "assigned", LocalContext.Target(number), new { login = added }, cancellationToken);
            }

            await TouchAsync(c, number, cancellationToken);
        }, cancellationToken);

    /// <summary>A plain comment by the acting user (a person's; Autoship's own go through <see cref="UpsertCommentAsync"/>).</summary>
    public Task AddCommentAsync(int number, string body, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await LocalIssueRows.RequireAsync(c, number, cancellationToken);
            var now = LocalDb.Time(context.Now);
            await LocalDb.ExecAsync(c, "INSERT INTO comments(number, author, body, created_at, updated_at) VALUES ($n, $a, $b, $t, $t)", cancellationToken,
                ("$n", number), ("$a", context.ActingAs), ("$b", body), ("$t", now));
            await context.RecordAsync(c, "commented", LocalContext.Target(number), new { marker = (string?)null }, cancellationToken);
            await TouchAsync(c, number, cancellationToken);
        }, cancellationToken);

    /// <summary>Finds and creates-or-edits in one transaction, so two writers never leave two comments with one marker.</summary>
    public Task UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        // The marker is how the next tick finds this comment again, so it must be in the body.
        var text = body.Contains(marker, StringComparison.Ordinal) ? body : marker + "\n" + body;
        return context.WriteAsync(async c =>
        {
            await LocalIssueRows.RequireAsync(c, number, cancellationToken);
            var now = LocalDb.Time(context.Now);
            if (await LocalIssueRows.MarkedCommentAsync(c, number, marker, context.ActingAs, cancellationToken) is not { } existing)
            {
                await LocalDb.ExecAsync(c, "INSERT INTO comments(number, author, body, created_at, updated_at) VALUES ($n, $a, $b, $t, $t)", cancellationToken,
                    ("$n", number), ("$a", context.ActingAs), ("$b", text), ("$t", now));
                await context.RecordAsync(c, "commented", LocalContext.Target(number), new { marker }, cancellationToken);
            }
            else if (await LocalDb.ExecAsync(c, "UPDATE comments SET body = $b, updated_at = $t WHERE id = $i AND body <> $b", cancellationToken,
                         ("$b", text), ("$t", now), ("$i", existing.Id)) > 0)
            {
                await context.RecordAsync(c, "comment.edited", LocalContext.Target(number), new { marker, id = existing.Id }, cancellationToken);
            }

            await TouchAsync(c, number, cancellationToken);
        }, cancellationToken);
    }

    public Task CloseAsync(int number, CancellationToken cancellationToken, bool notPlanned = false) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "close issues", cancellationToken);
            await LocalIssueRows.RequireAsync(c, number, cancellationToken);
            await CloseRowAsync(c, number, cancellationToken, notPlanned);
        }, cancellationToken);

    public async Task CloseRowAsync(SqliteConnection c, int number, CancellationToken cancellationToken, bool notPlanned = false)
    {
        var closed = await LocalDb.ExecAsync(c, "UPDATE issues SET state = 'closed', state_reason = $r, updated_at = $t WHERE number = $n AND state = 'open'", cancellationToken,
            ("$t", LocalDb.Time(context.Now)), ("$n", number), ("$r", notPlanned ? "not_planned" : "completed"));
        if (closed > 0)
        {
            await context.RecordAsync(c, "closed", LocalContext.Target(number), new { }, cancellationToken);
        }
    }

    public async Task<int> InsertAsync(SqliteConnection c, string kind, string title, string body, CancellationToken cancellationToken)
    {
        var next = Convert.ToInt32(await LocalDb.ScalarAsync(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM issues", cancellationToken), CultureInfo.InvariantCulture);
        var now = LocalDb.Time(context.Now);
        await LocalDb.ExecAsync(c, "INSERT INTO issues(number, kind, title, body, author, state, created_at, updated_at) VALUES ($n, $k, $ti, $b, $a, 'open', $t, $t)",
            cancellationToken, ("$n", next), ("$k", kind), ("$ti", title), ("$b", body), ("$a", context.ActingAs), ("$t", now));
        await context.RecordAsync(c, kind == "pr" ? "pr.opened" : "issue.opened", LocalContext.Target(next), new { title }, cancellationToken);
        return next;
    }

    /// <summary>Adds the labels that are not there yet (creating unknown ones, as GitHub does) and records one event per add.</summary>
    public async Task AddLabelsAsync(SqliteConnection c, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        foreach (var label in labels.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO labels(name, color, description) VALUES ($l, 'ededed', '')", cancellationToken, ("$l", label));
            if (await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO issue_labels(number, label) VALUES ($n, $l)", cancellationToken, ("$n", number), ("$l", label)) > 0)
            {
                await context.RecordAsync(c, "labeled", LocalContext.Target(number), new { label }, cancellationToken);
            }
        }

        await TouchAsync(c, number, cancellationToken);
    }

    public async Task TouchAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(c, "UPDATE issues SET updated_at = $t WHERE number = $n", cancellationToken, ("$t", LocalDb.Time(context.Now)), ("$n", number));
}
