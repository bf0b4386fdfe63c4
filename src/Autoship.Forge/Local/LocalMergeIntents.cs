using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>Squash commits about to move a base branch, written before the ref moves (see <see cref="LocalMerger"/>).</summary>
internal static class LocalMergeIntents
{
    public sealed record Intent(string Commit, int Number, string Base, string BaseSha, string HeadSha, string Message);

    public static async Task RecordAsync(SqliteConnection c, Intent intent, DateTimeOffset at, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(
            c,
            "INSERT OR REPLACE INTO merge_intents(commit_sha, pr, base, base_sha, head_sha, message, at) VALUES ($c, $n, $b, $bs, $h, $m, $t)",
            cancellationToken,
            ("$c", intent.Commit), ("$n", intent.Number), ("$b", intent.Base), ("$bs", intent.BaseSha), ("$h", intent.HeadSha), ("$m", intent.Message), ("$t", LocalDb.Time(at)));

    public static async Task<List<Intent>> ListAsync(SqliteConnection c, int? number, CancellationToken cancellationToken) =>
        await LocalDb.QueryAsync(
            c,
            "SELECT commit_sha, pr, base, base_sha, head_sha, message FROM merge_intents WHERE $n IS NULL OR pr = $n ORDER BY at, commit_sha",
            r => new Intent(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
            cancellationToken,
            ("$n", number));

    public static async Task ForgetAsync(SqliteConnection c, string commit, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(c, "DELETE FROM merge_intents WHERE commit_sha = $c", cancellationToken, ("$c", commit));
}
