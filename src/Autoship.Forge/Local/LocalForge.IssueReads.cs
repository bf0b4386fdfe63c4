using System.Globalization;
using System.Text.Json;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    private static string Target(int number) => "#" + number.ToString(CultureInfo.InvariantCulture);

    private sealed record IssueRow(int Number, string Kind, string Title, string Body, string Author, string State, DateTimeOffset UpdatedAt);

    private static IssueRow MapIssue(SqliteDataReader r) =>
        new(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), LocalDb.Time(r.GetString(6)));

    private const string IssueColumns = "number, kind, title, body, author, state, updated_at";

    private static async Task<IssueRow?> IssueRowAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        (await LocalDb.QueryAsync(c, $"SELECT {IssueColumns} FROM issues WHERE number = $n", MapIssue, cancellationToken, ("$n", number))).FirstOrDefault();

    private static async Task<IReadOnlyList<string>> LabelsOfAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await LocalDb.QueryAsync(c, "SELECT label FROM issue_labels WHERE number = $n ORDER BY label", r => r.GetString(0), cancellationToken, ("$n", number));

    private static async Task<IReadOnlyList<string>> AssigneesOfAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await LocalDb.QueryAsync(c, "SELECT login FROM assignees WHERE number = $n ORDER BY login", r => r.GetString(0), cancellationToken, ("$n", number));

    private static async Task<Actor> ActorAsync(SqliteConnection c, string login, CancellationToken cancellationToken) =>
        new(login, LocalRole.ToPermission(await RoleOfAsync(c, login, cancellationToken)));

    /// <summary>Label events carry the actor's access as it is now, which is what GitHub's timeline lets us check.</summary>
    private static async Task<IReadOnlyList<LabelEvent>> LabelEventsOfAsync(SqliteConnection c, int number, CancellationToken cancellationToken)
    {
        var rows = await LocalDb.QueryAsync(
            c,
            """
            SELECT e.kind, e.payload, e.actor, u.role, e.at FROM events e LEFT JOIN users u ON u.login = e.actor
            WHERE e.target = $t AND e.kind IN ('labeled', 'unlabeled') ORDER BY e.id
            """,
            r => (Kind: r.GetString(0), Payload: r.GetString(1), Actor: r.GetString(2), Role: LocalDb.NullableString(r, 3), At: LocalDb.Time(r.GetString(4))),
            cancellationToken,
            ("$t", Target(number)));
        return rows.Select(row =>
        {
            using var doc = JsonDocument.Parse(row.Payload);
            var label = doc.RootElement.GetProperty("label").GetString() ?? string.Empty;
            return new LabelEvent(label, row.Kind == "labeled", new Actor(row.Actor, LocalRole.ToPermission(row.Role)), row.At);
        }).ToList();
    }

    private static async Task<IssueSnapshot?> IssueSnapshotAsync(SqliteConnection c, int number, CancellationToken cancellationToken)
    {
        var row = await IssueRowAsync(c, number, cancellationToken);
        return row is null ? null : await IssueSnapshotAsync(c, row, cancellationToken);
    }

    private static async Task<IssueSnapshot> IssueSnapshotAsync(SqliteConnection c, IssueRow row, CancellationToken cancellationToken) =>
        new(
            row.Number,
            row.Title,
            row.Body,
            row.State == "open",
            await LabelsOfAsync(c, row.Number, cancellationToken),
            await AssigneesOfAsync(c, row.Number, cancellationToken),
            await LabelEventsOfAsync(c, row.Number, cancellationToken),
            row.UpdatedAt);

    public async Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        var row = await IssueRowAsync(c, number, cancellationToken);
        return row is { Kind: "issue" } ? await IssueSnapshotAsync(c, row, cancellationToken) : null;
    }

    /// <summary>Issues (not pull requests) in a state: <c>open</c>, <c>closed</c> or <c>all</c>.</summary>
    public async Task<IReadOnlyList<IssueSnapshot>> ListIssuesAsync(string state, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        var rows = await LocalDb.QueryAsync(
            c, $"SELECT {IssueColumns} FROM issues WHERE kind = 'issue' AND ($s = 'all' OR state = $s) ORDER BY number", MapIssue, cancellationToken, ("$s", state));
        var list = new List<IssueSnapshot>();
        foreach (var row in rows)
        {
            list.Add(await IssueSnapshotAsync(c, row, cancellationToken));
        }

        return list;
    }

    public async Task<IReadOnlyList<LocalComment>> ListCommentsAsync(int number, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        return await LocalDb.QueryAsync(
            c,
            "SELECT id, author, body, created_at, updated_at FROM comments WHERE number = $n ORDER BY id",
            r => new LocalComment(r.GetInt64(0), r.GetString(1), r.GetString(2), LocalDb.Time(r.GetString(3)), LocalDb.Time(r.GetString(4))),
            cancellationToken,
            ("$n", number));
    }

    public async Task<string?> FindCommentAsync(int number, string marker, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        return (string?)await LocalDb.ScalarAsync(
            c, "SELECT body FROM comments WHERE number = $n AND instr(body, $m) > 0 ORDER BY id LIMIT 1", cancellationToken, ("$n", number), ("$m", marker));
    }

    public async Task<Permission> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        return LocalRole.ToPermission(await RoleOfAsync(c, login, cancellationToken));
    }
}
