using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Autoship.Engine.Store;

/// <summary>The embedded store: one SQLite file (WAL, busy timeout so that two processes wait instead of failing).</summary>
public sealed class SqliteDialect(string path) : SqlDialect
{
    public override string Name => "sqlite";

    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public string Path { get; } = path;

    public override DbConnection CreateConnection() => new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
