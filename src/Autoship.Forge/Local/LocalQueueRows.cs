using System.Globalization;
using Autoship.Core;
using Autoship.Core.Queue;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>The merge queue's rows: who waits (<c>merge_queue</c>) and what each validated candidate showed (<c>queue_batches</c>).</summary>
internal static class LocalQueueRows
{
    public sealed record Waiting(MergeQueueEntry Entry, string Base, string Title, string Message);

    /// <summary>A recorded batch with the squash commits it chained (one per member, in order; the last is the candidate).</summary>
    public sealed record Batch(BatchResult Result, IReadOnlyList<string> Heads, IReadOnlyList<string> Commits, string Candidate);

    public static async Task EnqueueAsync(SqliteConnection c, Waiting row, CancellationToken cancellationToken) =>
        // A new head re-enters at the back; the same head keeps its place.
        await LocalDb.ExecAsync(
            c,
            """
            INSERT INTO merge_queue(pr, base, head_sha, lane, title, message, enqueued_at) VALUES ($n, $b, $h, $l, $t, $m, $at)
            ON CONFLICT(pr) DO UPDATE SET base = excluded.base, lane = excluded.lane, title = excluded.title, message = excluded.message,
                enqueued_at = CASE WHEN head_sha = excluded.head_sha THEN enqueued_at ELSE excluded.enqueued_at END, head_sha = excluded.head_sha
            """,
            cancellationToken,
            ("$n", row.Entry.PullRequest), ("$b", row.Base), ("$h", row.Entry.HeadSha), ("$l", row.Entry.Lane.Name()), ("$t", row.Title), ("$m", row.Message),
            ("$at", LocalDb.Time(row.Entry.EnqueuedAt)));

    public static async Task<List<Waiting>> ListAsync(SqliteConnection c, string baseBranch, CancellationToken cancellationToken) =>
        await LocalDb.QueryAsync(
            c,
            "SELECT pr, head_sha, lane, enqueued_at, base, title, message FROM merge_queue WHERE base = $b ORDER BY pr",
            r => new Waiting(
                new MergeQueueEntry(r.GetInt32(0), r.GetString(1), LaneNames.TryParse(r.GetString(2), out var lane) ? lane : Lane.Human, LocalDb.Time(r.GetString(3))),
                r.GetString(4), r.GetString(5), r.GetString(6)),
            cancellationToken,
            ("$b", baseBranch));

    public static async Task<List<string>> BasesAsync(SqliteConnection c, CancellationToken cancellationToken) =>
        await LocalDb.QueryAsync(c, "SELECT DISTINCT base FROM merge_queue ORDER BY base", r => r.GetString(0), cancellationToken);

    public static async Task RemoveAsync(SqliteConnection c, int number, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(c, "DELETE FROM merge_queue WHERE pr = $n", cancellationToken, ("$n", number));

    public static async Task<int> RecordAsync(SqliteConnection c, string baseBranch, string baseSha, IReadOnlyList<MergeQueueEntry> batch, IReadOnlyList<string> commits,
        bool passed, string logTail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await LocalDb.ExecAsync(
            c,
            "INSERT INTO queue_batches(base, base_sha, members, heads, commits, candidate, passed, log_tail, at) VALUES ($b, $bs, $m, $h, $c, $cand, $p, $l, $at)",
            cancellationToken,
            ("$b", baseBranch), ("$bs", baseSha), ("$m", Join(batch.Select(e => e.PullRequest.ToString(CultureInfo.InvariantCulture)))),
            ("$h", Join(batch.Select(e => e.HeadSha))), ("$c", Join(commits)), ("$cand", commits.Count > 0 ? commits[^1] : string.Empty),
            ("$p", passed ? 1 : 0), ("$l", logTail), ("$at", LocalDb.Time(at)));
        return Convert.ToInt32(await LocalDb.ScalarAsync(c, "SELECT last_insert_rowid()", cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The batches recorded on this base commit whose members still have the heads that were tested.</summary>
    public static async Task<List<Batch>> BatchesAsync(SqliteConnection c, string baseBranch, string baseSha, IReadOnlyList<MergeQueueEntry> queued, CancellationToken cancellationToken)
    {
        var heads = queued.ToDictionary(e => e.PullRequest, e => e.HeadSha);
        var rows = await LocalDb.QueryAsync(
            c,
            "SELECT id, members, heads, commits, candidate, passed, log_tail FROM queue_batches WHERE base = $b AND base_sha = $bs ORDER BY id",
            r => new Batch(
                new BatchResult(r.GetInt32(0), baseSha, [.. Split(r.GetString(1)).Select(m => int.Parse(m, CultureInfo.InvariantCulture))], r.GetInt32(5) == 1, r.GetString(6)),
                Split(r.GetString(2)), Split(r.GetString(3)), r.GetString(4)),
            cancellationToken,
            ("$b", baseBranch), ("$bs", baseSha));
        return [.. rows.Where(b => b.Result.Members.Select((m, i) => heads.TryGetValue(m, out var h) && h == b.Heads[i]).All(x => x))];
    }

    public static async Task<int> LastBatchIdAsync(SqliteConnection c, CancellationToken cancellationToken) =>
        Convert.ToInt32(await LocalDb.ScalarAsync(c, "SELECT COALESCE(MAX(id), 0) FROM queue_batches", cancellationToken), CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> values) => string.Join(",", values);

    private static IReadOnlyList<string> Split(string text) => text.Length == 0 ? [] : text.Split(',');
}
