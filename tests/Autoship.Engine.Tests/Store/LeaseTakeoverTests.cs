using System.Diagnostics;
using Autoship.Engine.Store;

namespace Autoship.Engine.Tests.Store;

/// <summary>A lease whose holder was killed with SIGKILL (a real process) is taken over at once; a live holder's is not.</summary>
public sealed class LeaseTakeoverTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly string dir = Directory.CreateTempSubdirectory("autoship-lease-").FullName;
    private IStateStore store = null!;

    public async ValueTask InitializeAsync() => store = await StoreFactory.OpenAsync(Path.Combine(dir, "state.db"), default);

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task TryAcquireLease_HolderKilledWithSigkill_IsTakenOverAtOnce()
    {
        using var holder = Process.Start(new ProcessStartInfo("sleep", "300"))!;
        var name = LeaseHolder.For(Environment.MachineName, holder.Id, "victim");
        (await store.TryAcquireLeaseAsync("r", name, T0, TimeSpan.FromMinutes(15), default)).ShouldBeTrue();
        (await store.TryAcquireLeaseAsync("r", "other", T0, TimeSpan.FromMinutes(15), default)).ShouldBeFalse("the holder still runs");

        holder.Kill();
        await holder.WaitForExitAsync(TestContext.Current.CancellationToken);

        (await store.TryAcquireLeaseAsync("r", "other", T0, TimeSpan.FromMinutes(15), default)).ShouldBeTrue("its holder is provably dead");
        (await store.GetLeaseAsync("r", default))!.Holder.ShouldBe("other");
    }

    [Fact]
    public async Task TryAcquireLease_PidReusedByAnotherProcess_IsTakenOver()
    {
        // The pid runs, but it was started at another time than the holder recorded: not the holder.
        using var live = Process.Start(new ProcessStartInfo("sleep", "300"))!;
        var reused = $"{Environment.MachineName}/{live.Id}/1/old";
        (await store.TryAcquireLeaseAsync("r", reused, T0, TimeSpan.FromMinutes(15), default)).ShouldBeTrue();

        (await store.TryAcquireLeaseAsync("r", "other", T0, TimeSpan.FromMinutes(15), default)).ShouldBeTrue();
        live.Kill();
    }

    [Fact]
    public async Task TryAcquireLease_HolderOnAnotherHost_WaitsForTheTtl()
    {
        var name = "another-host-that-is-not-this-one/1/12345/x";
        (await store.TryAcquireLeaseAsync("r", name, T0, TimeSpan.FromSeconds(60), default)).ShouldBeTrue();

        (await store.TryAcquireLeaseAsync("r", "other", T0.AddSeconds(59), TimeSpan.FromSeconds(60), default)).ShouldBeFalse();
        (await store.TryAcquireLeaseAsync("r", "other", T0.AddSeconds(61), TimeSpan.FromSeconds(60), default)).ShouldBeTrue();
    }

    [Fact]
    public void ForThisProcess_TwoRoles_AreDistinctAndAlive()
    {
        var a = LeaseHolder.ForThisProcess("a");
        a.ShouldStartWith($"{Environment.MachineName}/{Environment.ProcessId}/");
        a.ShouldNotBe(LeaseHolder.ForThisProcess("b"));
        LeaseHolder.IsProvablyDead(a).ShouldBeFalse();
    }
}
