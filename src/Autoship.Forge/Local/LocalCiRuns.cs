using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>
/// CI runs owed to pushed commits, written with the push (same transaction) and removed when the check is recorded.
/// A row whose process is gone (killed mid-push or mid-run) is CI nobody will finish: the next observation runs it,
/// so a kill never leaves a commit without its check (or with a <c>pending</c> one) forever.
/// </summary>
internal static class LocalCiRuns
{
    public static async Task OweAsync(SqliteConnection c, string sha, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        await LocalDb.ExecAsync(c, "INSERT OR REPLACE INTO ci_runs(sha, pid, started_ticks) VALUES ($s, $p, $t)", cancellationToken,
            ("$s", sha), ("$p", Environment.ProcessId), ("$t", self.StartTime.ToUniversalTime().Ticks));
    }

    public static async Task PaidAsync(LocalContext context, string sha, CancellationToken cancellationToken)
    {
        await using var c = await context.Db.OpenAsync(cancellationToken);
        await LocalDb.ExecAsync(c, "DELETE FROM ci_runs WHERE sha = $s", cancellationToken, ("$s", sha));
    }

    /// <summary>The commits whose CI was owed by a process that no longer runs.</summary>
    public static async Task<IReadOnlyList<string>> AbandonedAsync(SqliteConnection c, CancellationToken cancellationToken)
    {
        var rows = await LocalDb.QueryAsync(c, "SELECT sha, pid, started_ticks FROM ci_runs ORDER BY sha", r => (Sha: r.GetString(0), Pid: r.GetInt32(1), Started: r.GetInt64(2)), cancellationToken);
        return rows.Where(r => !IsAlive(r.Pid, r.Started)).Select(r => r.Sha).ToList();
    }

    private static bool IsAlive(int pid, long startedTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - startedTicks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
