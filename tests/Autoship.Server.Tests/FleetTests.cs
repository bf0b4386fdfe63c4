using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoship.Engine.Store;
using Autoship.Server.Access;
using Autoship.Server.Fleet;
using Autoship.Server.Hosting;

namespace Autoship.Server.Tests;

/// <summary>
/// One server for several repositories on one store: a picker at <c>/</c>, pages scoped under <c>/repos/KEY/</c>,
/// unscoped repository pages refused, controls that touch only their repository, metrics labeled by repo; and two
/// replicas on one store that split the repositories and hand them over when one stops.
/// </summary>
public sealed class FleetTests
{
    [Fact]
    public async Task MultiRepositoryServer_PickerScopesPagesControlsAndMetricsPerRepository()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = await SmallForge.CreateAsync();
        await using var b = await SmallForge.CreateAsync();
        using var state = new TempDir();
        await using var store = await StoreFactory.OpenAsync(Path.Combine(state.Path, "state.db"), ct);
        await using var host = await FleetHost.StartAsync([a.Directory, b.Directory], store, state.Path, new ServerOptions { Replica = "replica-one" });
        var loops = host.Registry.Loops;
        await FleetHost.WaitAsync(() => loops.All(l => l.State.Ticks >= 1), "both repositories ticked");
        var client = host.Client();

        var picker = await client.GetStringAsync("/", ct);
        foreach (var loop in loops)
        {
            picker.ShouldContain($"data-repo=\"{host.Registry.Key(loop)}\"");
            picker.ShouldContain($"href=\"/repos/{host.Registry.Key(loop)}/\"");
        }

        var first = loops[0];
        var key = host.Registry.Key(first);
        var overview = await client.GetStringAsync($"/repos/{key}/", ct);
        overview.ShouldContain(first.Name);
        overview.ShouldContain($"href=\"/repos/{key}/events\"");
        overview.ShouldContain($"action=\"/repos/{key}/tick\"");
        overview.ShouldContain("href=\"/repos\">Repositories</a>");
        overview.ShouldNotContain(loops[1].Name);

        (await client.GetAsync("/events", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/status", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/repos/no-such-repo/", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var status = JsonDocument.Parse(await client.GetStringAsync($"/repos/{host.Registry.Key(loops[1])}/api/status", ct)).RootElement;
        status.GetProperty("forge").GetString().ShouldBe(loops[1].Name);

        // A pause through one repository's API pauses that repository only.
        var csrf = host.App.Services.GetService(typeof(DashboardAccess)) is DashboardAccess access ? access.CsrfToken : throw new InvalidOperationException();
        using var pause = new HttpRequestMessage(HttpMethod.Post, $"/repos/{key}/api/controls") { Content = JsonContent.Create(new { action = "pause" }) };
        pause.Headers.Add("X-CSRF-Token", csrf);
        var paused = await client.SendAsync(pause, ct);
        paused.StatusCode.ShouldBe(HttpStatusCode.OK, await paused.Content.ReadAsStringAsync(ct));
        (await store.GetControlsAsync(first.Name, ct)).KillSwitch.ShouldBeTrue();
        (await store.GetControlsAsync(loops[1].Name, ct)).KillSwitch.ShouldBeFalse();

        var metrics = await client.GetStringAsync("/metrics", ct);
        foreach (var loop in loops)
        {
            metrics.ShouldContain($"repo=\"{loop.Name}\"");
        }

        var repos = JsonDocument.Parse(await client.GetStringAsync("/api/repos", ct)).RootElement;
        repos.GetProperty("heldHere").GetArrayLength().ShouldBe(2);
        repos.GetProperty("repositories").EnumerateArray().ShouldAllBe(r => r.GetProperty("heldBy").GetString() == "replica-one");
    }

    [Fact]
    public async Task TwoReplicas_OneStore_SplitTheRepositoriesAndTakeOverWhenOneStops()
    {
        var ct = TestContext.Current.CancellationToken;
        var forges = new List<SmallForge>();
        for (var i = 0; i < 4; i++)
        {
            forges.Add(await SmallForge.CreateAsync());
        }

        using var state = new TempDir();
        await using var store = await StoreFactory.OpenAsync(Path.Combine(state.Path, "state.db"), ct);
        var directories = forges.Select(f => f.Directory).ToList();
        var options = new ServerOptions { ReplicaLeaseTtl = TimeSpan.FromSeconds(3) };
        var one = await FleetHost.StartAsync(directories, store, Path.Combine(state.Path, "one"), options with { Replica = "replica-one" });
        await using var two = await FleetHost.StartAsync(directories, store, Path.Combine(state.Path, "two"), options with { Replica = "replica-two" });
        try
        {
            // Two live replicas: each holds its share, 2 of the 4, and none is held twice.
            await FleetHost.WaitAsync(() => one.Fleet.Held.Count == 2 && two.Fleet.Held.Count == 2, $"2 + 2 (one: {one.Fleet.Held.Count}, two: {two.Fleet.Held.Count})");
            one.Fleet.Held.Intersect(two.Fleet.Held).ShouldBeEmpty();
            var leases = await store.ListLeasesAsync(FleetService.RepoPrefix, DateTimeOffset.UtcNow, ct);
            leases.Count.ShouldBe(4);
            leases.GroupBy(l => l.Holder).Select(g => g.Count()).ShouldAllBe(n => n == 2);
        }
        finally
        {
            await one.DisposeAsync();
        }

        // One replica stopped (it gives its holds back): the other runs all four.
        await FleetHost.WaitAsync(() => two.Fleet.Held.Count == 4 && two.Fleet.LiveReplicas == 1, $"replica two runs all 4 (holds {two.Fleet.Held.Count})");
        await FleetHost.WaitAsync(() => two.Registry.Loops.All(l => l.IsRunning && l.State.Ticks >= 1), "every repository ticks on replica two");
        foreach (var forge in forges)
        {
            await forge.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("github:Octo/App", "github-octo-app")]
    [InlineData("local:/tmp/x y/forge", "local-tmp-x-y-forge")]
    [InlineData("::", "repo")]
    public void Key_IsUrlSafe(string name, string key) => RepositoryRegistry.KeyFor(name).ShouldBe(key);
}
