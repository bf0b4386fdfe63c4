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

    /// <summary>
    /// Records the intent only if the pull request is still open and no other intent for it exists, in one write
    /// transaction: the per-PR mutex that keeps two processes from both squashing it (the second would find the base
    /// already holding the first squash and add an empty second one). Null when recorded, else why not.
    /// </summary>
    public static async Task<string?> TryRecordAsync(SqliteConnection c, Intent intent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var tx = c.BeginTransaction(deferred: false);
        var state = (string?)await LocalDb.ScalarAsync(c, "SELECT state FROM pull_requests WHERE number = $n", cancellationToken, ("$n", intent.Number));
        if (state != "open")
        {
            return $"pull request #{intent.Number} is {state ?? "gone"}";
        }

        var others = Convert.ToInt64(await LocalDb.ScalarAsync(c, "SELECT COUNT(*) FROM merge_intents WHERE pr = $n", cancellationToken, ("$n", intent.Number)), System.Globalization.CultureInfo.InvariantCulture);
        if (others > 0)
        {
            return $"another process is merging pull request #{intent.Number}";
        }

        await RecordAsync(c, intent, at, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

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
