using System.Text.Json;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>Reads of the <c>issues</c> table and what hangs off it (labels, assignees, label events), shared by issues and pull requests.</summary>
internal static class LocalIssueRows
{
    public sealed record Row(int Number, string Kind, string Title, string Body, string Author, string State, DateTimeOffset UpdatedAt);

    public const string Columns = "number, kind, title, body, author, state, updated_at";

    public static Row Map(SqliteDataReader r) =>
        new(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), LocalDb.Time(r.GetString(6)));

    public static async Task<Row?> GetAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        (await LocalDb.QueryAsync(c, $"SELECT {Columns} FROM issues WHERE number = $n", Map, cancellationToken, ("$n", number))).FirstOrDefault();

    public static async Task<Row> RequireAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await GetAsync(c, number, cancellationToken) ?? throw new ForgeException("not-found", $"no issue or pull request #{number}");

    public static async Task<IReadOnlyList<string>> LabelsAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await LocalDb.QueryAsync(c, "SELECT label FROM issue_labels WHERE number = $n ORDER BY label", r => r.GetString(0), cancellationToken, ("$n", number));

    public static async Task<IReadOnlyList<string>> AssigneesAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await LocalDb.QueryAsync(c, "SELECT login FROM assignees WHERE number = $n ORDER BY login", r => r.GetString(0), cancellationToken, ("$n", number));

    public static async Task<Actor> ActorAsync(SqliteConnection c, string login, CancellationToken cancellationToken) =>
        new(login, LocalRole.ToPermission(await LocalContext.RoleOfAsync(c, login, cancellationToken)));

    /// <summary>Label events carry the actor's access as it is now, which is what GitHub's timeline lets us check.</summary>
    public static async Task<IReadOnlyList<LabelEvent>> LabelEventsAsync(SqliteConnection c, int number, CancellationToken cancellationToken)
    {
        var rows = await LocalDb.QueryAsync(
            c,
            """
            SELECT e.kind, e.payload, e.actor, u.role, e.at FROM events e LEFT JOIN users u ON u.login = e.actor
            WHERE e.target = $t AND e.kind IN ('labeled', 'unlabeled') ORDER BY e.id
            """,
            r => (Kind: r.GetString(0), Payload: r.GetString(1), Actor: r.GetString(2), Role: LocalDb.NullableString(r, 3), At: LocalDb.Time(r.GetString(4))),
            cancellationToken,
            ("$t", LocalContext.Target(number)));
        return rows.Select(row =>
        {
            using var doc = JsonDocument.Parse(row.Payload);
            var label = doc.RootElement.GetProperty("label").GetString() ?? string.Empty;
            return new LabelEvent(label, row.Kind == "labeled", new Actor(row.Actor, LocalRole.ToPermission(row.Role)), row.At);
        }).ToList();
    }

    public static async Task<IssueSnapshot> SnapshotAsync(SqliteConnection c, Row row, CancellationToken cancellationToken) =>
        new(
            row.Number,
            row.Title,
            row.Body,
            row.State == "open",
            await LabelsAsync(c, row.Number, cancellationToken),
            await AssigneesAsync(c, row.Number, cancellationToken),
            await LabelEventsAsync(c, row.Number, cancellationToken),
            row.UpdatedAt);

    /// <summary>The first comment carrying <paramref name="marker"/> (served by the <c>comments_number</c> index).</summary>
    /// <summary>
    /// The marked comment <paramref name="author"/> wrote. Anyone can paste the marker into a comment of their own;
    /// only the one written by the acting identity is Autoship's state.
    /// </summary>
    public static async Task<(long Id, string Body)?> MarkedCommentAsync(SqliteConnection c, int number, string marker, string author, CancellationToken cancellationToken) =>
        (await LocalDb.QueryAsync(
            c, "SELECT id, body FROM comments WHERE number = $n AND instr(body, $m) > 0 AND author = $a COLLATE NOCASE ORDER BY id LIMIT 1", r => (r.GetInt64(0), r.GetString(1)), cancellationToken,
            ("$n", number), ("$m", marker), ("$a", author))).Select(x => ((long, string)?)x).FirstOrDefault();
}
