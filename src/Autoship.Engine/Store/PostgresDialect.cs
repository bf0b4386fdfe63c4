using System.Data.Common;
using Npgsql;

namespace Autoship.Engine.Store;

/// <summary>The server store for several orchestrator replicas (<c>--store postgres://…</c> or a keyword connection string).</summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    public override string Name => "postgres";

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string? MigrationLock => "LOCK TABLE schema_version IN EXCLUSIVE MODE";

    public override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);
}
