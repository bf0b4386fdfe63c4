using Autoship.Engine.Store;
using Npgsql;

namespace Autoship.Engine.Tests.Store;

/// <summary>Replicas that migrate one fresh PostgreSQL database at the same moment all succeed (advisory migration lock).</summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task Open_FourReplicasOnAFreshDatabaseAtOnce_AllSucceedAndMigrateOnce()
    {
        var admin = Environment.GetEnvironmentVariable("AUTOSHIP_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Assert.Skip("AUTOSHIP_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL cluster and sets it");
        }

        var name = "autoship_mig_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var fresh = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
        for (var round = 0; round < 3; round++)
        {
            // Each round starts from nothing again, so the race on the first CREATE is run three times.
            var replicas = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StoreFactory.OpenAsync(fresh, default))));
            await replicas[0].SetSettingAsync("r", "k", "v", default);
            (await replicas[3].GetSettingAsync("r", "k", default)).ShouldBe("v");
            await using var connection = new NpgsqlConnection(fresh);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            // One row per migration: each one ran exactly once, however many replicas raced.
            var migrations = new PostgresDialect(fresh).Migrations.Count;
            await using (var count = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_version", connection))
            await using (var reader = await count.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
                reader.GetInt64(0).ShouldBe(migrations);
                reader.GetInt64(1).ShouldBe(migrations);
            }

            await using var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public", connection);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
