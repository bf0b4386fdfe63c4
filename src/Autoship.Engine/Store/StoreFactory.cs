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
            var full = Path.GetFullPath(location);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            dialect = new SqliteDialect(full);
        }

        var store = new SqlStateStore(dialect);
        await store.MigrateAsync(cancellationToken);
        return store;
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
