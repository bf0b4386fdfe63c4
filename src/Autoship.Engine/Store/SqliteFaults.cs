using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Autoship.Engine.Store;

/// <summary>
/// What a SQLite store file can do wrong, and the answer: a corrupt file (or one that is not a database) is
/// quarantined and replaced by a fresh one — the store only keeps history, the forge holds the truth — while a
/// read-only or locked file is a <see cref="StoreUnavailableException"/> with the fix.
/// </summary>
public static class SqliteFaults
{
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Corrupt = 11, CantOpen = 14, NotADatabase = 26;

    public static bool IsCorrupt(SqliteException e) => e.SqliteErrorCode is Corrupt or NotADatabase;

    /// <summary>Renames <paramref name="path"/> (and its WAL/SHM files) to <c>…corrupt-&lt;timestamp&gt;</c>; returns the new name.</summary>
    public static string Quarantine(string path, DateTimeOffset now)
    {
        SqliteConnection.ClearAllPools();
        var target = $"{path}.corrupt-{now.UtcDateTime.ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture)}";
        File.Move(path, target);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, target + suffix);
            }
        }

        return target;
    }

    /// <summary>The clear sentence for a store that cannot be written, or null when <paramref name="e"/> is something else.</summary>
    public static StoreUnavailableException? Explain(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        Busy or Locked => new StoreUnavailableException(
            $"the state store {path} stayed locked by another process for over 30 s; wait for it to finish (see 'autoship status') or pass another --store", e),
        ReadOnly => new StoreUnavailableException(
            $"the state store {path} is read-only; make it and its directory writable by this user, or pass another --store", e),
        CantOpen or IoError => new StoreUnavailableException(
            $"the state store {path} cannot be opened or written ({e.Message.TrimEnd('.')}); check that the file and its directory exist and are writable, or pass another --store", e),
        _ => null,
    };
}
