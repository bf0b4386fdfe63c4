using System.Data.Common;
using Npgsql;

namespace Autoship.Engine.Store;

/// <summary>The server store for several orchestrator replicas (<c>--store postgres://…</c> or a keyword connection string).</summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    public override string Name => "postgres";

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    // A transaction-scoped advisory lock needs no table, so it is taken before the first CREATE (key: "autoship" in ASCII).
    public override string? MigrationLock => "SELECT pg_advisory_xact_lock(7022647215980570992)";

    public override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);
}
