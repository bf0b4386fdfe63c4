using Microsoft.Data.Sqlite;

namespace Autoship.Engine.Store;

/// <summary>Opens the store named by <c>--store</c>: a SQLite file path (default) or a PostgreSQL connection.</summary>
public static class StoreFactory
{
    public static async Task<IStateStore> OpenAsync(string location, CancellationToken cancellationToken)
    {
        SqlDialect dialect;
        if (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            dialect = new PostgresDialect(FromUri(new Uri(location)));
        }
        else if (location.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            dialect = new PostgresDialect(location);
        }
        else
        {
            return await OpenSqliteAsync(location, null, cancellationToken);
        }

        var store = new SqlStateStore(dialect);
        await store.MigrateAsync(cancellationToken);
        return store;
    }

    /// <summary>
    /// Opens a SQLite store file: a corrupt file is quarantined and replaced (with <see cref="SqlStateStore.Notice"/>);
    /// a read-only or locked one is a <see cref="StoreUnavailableException"/> after <paramref name="busyTimeout"/> (30 s).
    /// </summary>
    public static async Task<SqlStateStore> OpenSqliteAsync(string location, TimeSpan? busyTimeout, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(location);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var sqlite = new SqliteDialect(full, busyTimeout);
        var store = new SqlStateStore(sqlite);
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (SqliteException e) when (SqliteFaults.IsCorrupt(e) && File.Exists(sqlite.Path))
        {
            var moved = SqliteFaults.Quarantine(sqlite.Path, DateTimeOffset.UtcNow);
            store.Notice = $"the state store {sqlite.Path} was not a usable database ({e.Message.TrimEnd('.')}); it was moved to {moved} and a fresh store was started (history before now is in the moved file)";
            await Console.Error.WriteLineAsync("notice: " + store.Notice);
            await MigrateOrExplainAsync(store, sqlite, cancellationToken);
        }
        catch (SqliteException e) when (SqliteFaults.Explain(sqlite.Path, e) is { } clear)
        {
            throw clear;
        }

        return store;
    }

    private static async Task MigrateOrExplainAsync(SqlStateStore store, SqliteDialect sqlite, CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (SqliteException e) when (SqliteFaults.Explain(sqlite.Path, e) is { } clear)
        {
            throw clear;
        }
    }

    private static string FromUri(Uri uri)
    {
        var userInfo = uri.UserInfo.Split(':', 2);
        var parts = new List<string> { $"Host={uri.Host}", $"Port={(uri.Port > 0 ? uri.Port : 5432)}", $"Database={uri.AbsolutePath.TrimStart('/')}" };
        if (userInfo[0].Length > 0)
        {
            parts.Add($"Username={Uri.UnescapeDataString(userInfo[0])}");
        }

        if (userInfo.Length > 1)
        {
            parts.Add($"Password={Uri.UnescapeDataString(userInfo[1])}");
        }

        return string.Join(';', parts);
    }
}
