using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>Passing CI runs by tree hash, entrypoint and check name, so that the same tree is validated once.</summary>
internal static class LocalCiResults
{
    public sealed record Entry(string Tree, string Entrypoint, string Context, string Sha, string Description, string LogPath);

    public static async Task<Entry?> FindAsync(LocalContext context, string tree, string entrypoint, string check, CancellationToken cancellationToken)
    {
        await using var c = await context.Db.OpenAsync(cancellationToken);
        return (await LocalDb.QueryAsync(
            c,
            "SELECT tree, entrypoint, context, sha, description, log_path FROM ci_results WHERE tree = $t AND entrypoint = $e AND context = $c",
            r => new Entry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
            cancellationToken,
            ("$t", tree), ("$e", entrypoint), ("$c", check))).FirstOrDefault();
    }

    public static async Task RememberAsync(SqliteConnection c, Entry entry, DateTimeOffset at, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(
            c,
            "INSERT OR REPLACE INTO ci_results(tree, entrypoint, context, sha, description, log_path, at) VALUES ($t, $e, $c, $s, $d, $l, $a)",
            cancellationToken,
            ("$t", entry.Tree), ("$e", entry.Entrypoint), ("$c", entry.Context), ("$s", entry.Sha), ("$d", entry.Description), ("$l", entry.LogPath), ("$a", LocalDb.Time(at)));
}
