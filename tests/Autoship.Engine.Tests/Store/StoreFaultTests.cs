using Autoship.Engine.Store;
using Microsoft.Data.Sqlite;

namespace Autoship.Engine.Tests.Store;

/// <summary>Real broken store files: quarantined and replaced, or a clear typed error; never an unhandled SQLite exception.</summary>
public sealed class StoreFaultTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("autoship-store-").FullName;

    private string DbPath => Path.Combine(dir, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task OpenSqlite_FileIsNotADatabase_QuarantinesItAndStartsFresh()
    {
        await File.WriteAllTextAsync(DbPath, new string('x', 8192), TestContext.Current.CancellationToken);

        await using var store = await StoreFactory.OpenSqliteAsync(DbPath, null, default);

        store.Notice.ShouldNotBeNull().ShouldContain("corrupt-");
        var moved = Directory.GetFiles(dir, "state.db.corrupt-*").ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(moved, TestContext.Current.CancellationToken)).ShouldBe(new string('x', 8192));
        await store.SetSettingAsync("r", "k", "v", default);
        (await store.GetSettingAsync("r", "k", default)).ShouldBe("v");
    }

    [Fact]
    public async Task OpenSqlite_LockedByAnotherConnectionPastTheBusyTimeout_IsStoreUnavailable()
    {
        (await StoreFactory.OpenSqliteAsync(DbPath, null, default)).Dialect.Name.ShouldBe("sqlite");
        await using var holder = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await using (var cmd = holder.CreateCommand())
        {
            cmd.CommandText = "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE;";
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var e = await Should.ThrowAsync<StoreUnavailableException>(() => StoreFactory.OpenSqliteAsync(DbPath, TimeSpan.FromMilliseconds(200), default));

        e.Message.ShouldContain("locked");
        e.Message.ShouldContain(DbPath);
    }

    [Fact]
    public async Task Store_FileDeletedWhileInUse_StartsAFreshOne()
    {
        await using var store = await StoreFactory.OpenSqliteAsync(DbPath, null, default);
        await store.SetSettingAsync("r", "k", "v", default);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(dir))
        {
            File.Delete(file);
        }

        await store.AppendEventAsync(new StoredEvent(0, DateTimeOffset.UnixEpoch, "r", "t", 1, null, "k", "m", [], "ok"), default);

        store.Notice.ShouldNotBeNull().ShouldContain("disappeared");
        (await store.QueryEventsAsync(new EventQuery("r", Limit: 10), default)).ShouldHaveSingleItem().Message.ShouldBe("m");
        (await store.GetSettingAsync("r", "k", default)).ShouldBeNull("the history went with the file");
    }

    [Fact]
    public async Task SqliteReadOnlyError_IsExplainedAsAReadOnlyStoreWithTheFix()
    {
        (await StoreFactory.OpenSqliteAsync(DbPath, null, default)).Dialect.Name.ShouldBe("sqlite");
        SqliteConnection.ClearAllPools();
        // A real SQLITE_READONLY (the tests run as root, so file modes cannot make the file read-only).
        await using var readOnly = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await readOnly.OpenAsync(TestContext.Current.CancellationToken);
        await using var write = readOnly.CreateCommand();
        write.CommandText = "INSERT INTO deliveries (id, event, received_at) VALUES ('x', 'ping', '2026-01-01')";

        var e = await Should.ThrowAsync<SqliteException>(() => write.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));

        var clear = SqliteFaults.Explain(DbPath, e).ShouldNotBeNull();
        clear.Message.ShouldContain("is read-only; make it and its directory writable");
        clear.Message.ShouldContain(DbPath);
        SqliteFaults.IsCorrupt(e).ShouldBeFalse("a read-only store is never quarantined");
    }
}
