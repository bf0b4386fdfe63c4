using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>
/// The forge's SQLite file. Each operation opens its own pooled connection so that the forge is safe to call
/// from several tasks at once and from several processes (the CLI and a running loop) through SQLite's locking.
/// </summary>
internal sealed class LocalDb(string path)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Path { get; } = path;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await ExecAsync(c, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);", cancellationToken);
        var current = Convert.ToInt32(await ScalarAsync(c, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken), CultureInfo.InvariantCulture);
        for (var v = current; v < LocalSchema.Migrations.Count; v++)
        {
            await using var tx = await c.BeginTransactionAsync(cancellationToken);
            await ExecAsync(c, LocalSchema.Migrations[v], cancellationToken);
            await ExecAsync(c, "INSERT INTO schema_version(version) VALUES ($v)", cancellationToken, ("$v", v + 1));
            await tx.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Closes this file's idle pooled connections so that its directory can be removed.</summary>
    public void ReleaseFiles()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public static async Task<int> ExecAsync(SqliteConnection c, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        using var command = Command(c, sql, args);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(SqliteConnection c, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        using var command = Command(c, sql, args);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public static async Task<List<T>> QueryAsync<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        using var command = Command(c, sql, args);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static SqliteCommand Command(SqliteConnection c, string sql, (string Name, object? Value)[] args)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
