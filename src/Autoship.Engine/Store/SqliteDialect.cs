using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Autoship.Engine.Store;

/// <summary>The embedded store: one SQLite file (WAL, busy timeout so that two processes wait instead of failing).</summary>
public sealed class SqliteDialect(string path, TimeSpan? busyTimeout = null) : SqlDialect
{
    /// <summary>How long a statement waits for another process's write lock before the store is reported locked.</summary>
    public TimeSpan BusyTimeout { get; } = busyTimeout ?? TimeSpan.FromSeconds(30);

    public override string Name => "sqlite";

    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public string Path { get; } = path;

    public override DbConnection CreateConnection() => new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
    }.ToString());

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
