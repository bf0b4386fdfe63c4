using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>Reads of the <c>pull_requests</c> table.</summary>
internal static class LocalPullRows
{
    public sealed record Row(int Number, string Head, string Base, string State, string? MergeSha);

    public const string Select = "SELECT number, head, base, state, merge_sha FROM pull_requests";

    public static Row Map(SqliteDataReader r) => new(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), LocalDb.NullableString(r, 4));

    public static async Task<Row?> GetAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        (await LocalDb.QueryAsync(c, $"{Select} WHERE number = $n", Map, cancellationToken, ("$n", number))).FirstOrDefault();

    public static async Task<Row> RequireAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await GetAsync(c, number, cancellationToken) ?? throw new ForgeException("not-found", $"no pull request #{number}");

    public static async Task<Row?> OpenForHeadAsync(SqliteConnection c, string head, CancellationToken cancellationToken) =>
        (await LocalDb.QueryAsync(c, $"{Select} WHERE head = $h AND state = 'open'", Map, cancellationToken, ("$h", head))).FirstOrDefault();

    /// <summary>The last commit pushed to a branch (what a pull request's head was once the branch is gone).</summary>
    public static async Task<string?> LastPushAsync(SqliteConnection c, string branch, CancellationToken cancellationToken) =>
        (string?)await LocalDb.ScalarAsync(c, "SELECT sha FROM pushes WHERE branch = $b ORDER BY id DESC LIMIT 1", cancellationToken, ("$b", branch));
}
