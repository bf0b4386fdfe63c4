using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Store;

namespace Autoship.Engine.Tests.Store;

/// <summary>The same contract for both stores; PostgreSQL runs when AUTOSHIP_TEST_POSTGRES is set (scripts/test.sh starts one).</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    protected IStateStore Store { get; private set; } = null!;

    protected string Repo { get; } = "local:/tmp/repo-" + Guid.NewGuid().ToString("N")[..8];

    protected abstract Task<IStateStore> CreateAsync();

    public async ValueTask InitializeAsync() => Store = await CreateAsync();

    public async ValueTask DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task Lease_SecondHolderBeforeExpiry_IsRefused_AfterExpiry_IsGranted()
    {
        (await Store.TryAcquireLeaseAsync(Repo, "a", T0, TimeSpan.FromMinutes(10), default)).ShouldBeTrue();
        (await Store.TryAcquireLeaseAsync(Repo, "b", T0.AddMinutes(5), TimeSpan.FromMinutes(10), default)).ShouldBeFalse();
        (await Store.TryAcquireLeaseAsync(Repo, "a", T0.AddMinutes(5), TimeSpan.FromMinutes(10), default)).ShouldBeTrue("the holder renews its own lease");
        (await Store.TryAcquireLeaseAsync(Repo, "b", T0.AddMinutes(16), TimeSpan.FromMinutes(10), default)).ShouldBeTrue("an expired lease is taken over");
        (await Store.GetLeaseAsync(Repo, default))!.Holder.ShouldBe("b");
    }

    [Fact]
    public async Task Lease_Released_CanBeTakenAtOnce()
    {
        (await Store.TryAcquireLeaseAsync(Repo, "a", T0, TimeSpan.FromMinutes(10), default)).ShouldBeTrue();
        await Store.ReleaseLeaseAsync(Repo, "a", default);
        (await Store.TryAcquireLeaseAsync(Repo, "b", T0, TimeSpan.FromMinutes(10), default)).ShouldBeTrue();
    }

    [Fact]
    public async Task Events_AreAppendedAndFilteredByIssueKindAndText_NewestFirst()
    {
        await Store.AppendEventAsync(new StoredEvent(0, T0, Repo, "t1", 1, null, "start-attempt", "started", [new Reason("dispatch", "owned by x")]), default);
        await Store.AppendEventAsync(new StoredEvent(0, T0.AddSeconds(1), Repo, "t1", 2, 5, "merge", "merged PR #5", []), default);
        await Store.AppendEventAsync(new StoredEvent(0, T0.AddSeconds(2), Repo, "t2", 1, 6, "gate", "hold", [new Reason("human-approval-missing", "needs a human")], "ok"), default);

        var forIssue = await Store.QueryEventsAsync(new EventQuery(Repo, Issue: 1), default);
        forIssue.Select(e => e.Kind).ShouldBe(["gate", "start-attempt"]);
        forIssue[0].Reasons.Single().Code.ShouldBe("human-approval-missing");
        forIssue[0].PullRequest.ShouldBe(6);
        (await Store.QueryEventsAsync(new EventQuery(Repo, Kind: "merge"), default)).Single().Issue.ShouldBe(2);
        (await Store.QueryEventsAsync(new EventQuery(Repo, Text: "NEEDS A HUMAN"), default)).Single().Kind.ShouldBe("gate");
        (await Store.QueryEventsAsync(new EventQuery("other", Issue: 1), default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Runs_AreSavedAndListedPerIssue()
    {
        var run = new RunRecord("r1-" + Repo, 3, 1, "qa", AgentRole.Author, "wo", ["claude", "-p"], T0, T0.AddMinutes(2), "exited", 0, "1 file, +2 -0", "sha256:ab", "scripts/test.sh", 0, "/tmp/log");
        await Store.SaveRunAsync(Repo, run, "Committed", default);
        await Store.SaveRunAsync(Repo, run with { Id = "r2-" + Repo, Issue = 4 }, "AgentFailed", default);
        var runs = await Store.ListRunsAsync(Repo, 3, null, default);
        runs.Single().Run.CommandLine.ShouldBe(run.CommandLine);
        runs.Single().Run.EgressRefused.ShouldBe(run.EgressRefused);
        (runs.Single().Run with { CommandLine = run.CommandLine, EgressRefused = run.EgressRefused }).ShouldBe(run);
        runs.Single().Outcome.ShouldBe("Committed");
        runs.Single().Duration.ShouldBe(TimeSpan.FromMinutes(2));
        (await Store.ListRunsAsync(Repo, null, T0.AddMinutes(-1), default)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Controls_RoundTrip()
    {
        (await Store.GetControlsAsync(Repo, default)).ShouldBe(RuntimeControls.None);
        await Store.SetControlsAsync(Repo, new RuntimeControls(false, [Lane.Staging, Lane.Human]), default);
        var read = await Store.GetControlsAsync(Repo, default);
        read.KillSwitch.ShouldBeFalse();
        read.PausedLanes.ShouldBe([Lane.Staging, Lane.Human]);
    }

    [Fact]
    public async Task Deliveries_AreDeduplicated()
    {
        var id = Guid.NewGuid().ToString();
        (await Store.TryRecordDeliveryAsync(id, "issues", T0, default)).ShouldBeTrue();
        (await Store.TryRecordDeliveryAsync(id, "issues", T0, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task TicksAndSettings_RoundTrip()
    {
        await Store.SaveTickAsync(new TickRecord("t1-" + Repo, Repo, T0, T0.AddSeconds(3), 2, 5, 7, 4990, "done", "5 actions"), default);
        (await Store.RecentTicksAsync(Repo, 5, default)).Single().Requests.ShouldBe(7);
        (await Store.GetSettingAsync(Repo, "x", default)).ShouldBeNull();
        await Store.SetSettingAsync(Repo, "x", "1", default);
        await Store.SetSettingAsync(Repo, "x", "2", default);
        (await Store.GetSettingAsync(Repo, "x", default)).ShouldBe("2");
    }

    [Fact]
    public async Task Migrate_Twice_ChangesNothing()
    {
        await Store.AppendEventAsync(new StoredEvent(0, T0, Repo, "t", 1, null, "k", "m", []), default);
        await Store.MigrateAsync(default);
        (await Store.QueryEventsAsync(new EventQuery(Repo), default)).Count.ShouldBe(1);
    }
}

public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "autoship-store-" + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<IStateStore> CreateAsync() => StoreFactory.OpenAsync(Path.Combine(dir, "state.db"), default);

    [Fact]
    public async Task Lease_TwoProcessesRacing_ExactlyOneWins()
    {
        var path = Path.Combine(dir, "state.db");
        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => StoreFactory.OpenAsync(path, default)));
        var now = DateTimeOffset.UnixEpoch;
        var wins = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.TryAcquireLeaseAsync("race", $"h{i}", now, TimeSpan.FromMinutes(5), default))));
        wins.Count(w => w).ShouldBe(1);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dir, true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class PostgresStoreTests : StoreContractTests
{
    protected override async Task<IStateStore> CreateAsync()
    {
        var connection = Environment.GetEnvironmentVariable("AUTOSHIP_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connection))
        {
            Assert.Skip("AUTOSHIP_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL cluster and sets it");
        }

        return await StoreFactory.OpenAsync(connection, default);
    }
}
