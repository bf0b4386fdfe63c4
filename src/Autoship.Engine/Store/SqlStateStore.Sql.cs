using System.Data.Common;
using System.Globalization;

namespace Autoship.Engine.Store;

public sealed partial class SqlStateStore
{
    private bool recreating;

    private bool migrated;

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // The file was deleted under a running process: start a fresh one rather than fail on missing tables.
        if (Dialect is SqliteDialect sqlite && migrated && !recreating && !File.Exists(sqlite.Path))
        {
            recreating = true;
            try
            {
                await MigrateAsync(cancellationToken);
                Notice = $"the state store {sqlite.Path} disappeared while in use; a fresh store was started";
            }
            finally
            {
                recreating = false;
            }
        }

        var connection = Dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await Dialect.PrepareAsync(connection, cancellationToken);
        return connection;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, Dictionary<string, object?>? args, CancellationToken cancellationToken, DbTransaction? tx = null)
    {
        await using var cmd = Command(connection, sql, args, tx);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, Dictionary<string, object?>? args, CancellationToken cancellationToken, DbTransaction? tx = null)
    {
        await using var cmd = Command(connection, sql, args, tx);
        return await cmd.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Dictionary<string, object?> args, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, sql, args, null);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(map(reader));
        }

        return list;
    }

    private static DbCommand Command(DbConnection connection, string sql, Dictionary<string, object?>? args, DbTransaction? tx)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args ?? [])
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    // Timestamps are stored as fixed-width UTC ISO-8601 text so that both dialects compare them as strings.
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
