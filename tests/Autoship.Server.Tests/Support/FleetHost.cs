using Autoship.Agents;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge.Local;
using Autoship.Server.Fleet;
using Autoship.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Tests.Support;

/// <summary>One server (a replica) over several real local forges and a store it shares with other replicas, in memory.</summary>
public sealed class FleetHost : IAsyncDisposable
{
    private readonly List<LocalForge> forges;

    private FleetHost(List<LocalForge> forges, WebApplication app)
    {
        this.forges = forges;
        App = app;
    }

    public WebApplication App { get; }

    public RepositoryRegistry Registry => App.Services.GetRequiredService<RepositoryRegistry>();

    public FleetService Fleet => App.Services.GetRequiredService<FleetService>();

    public HttpClient Client() => App.GetTestClient();

    public static async Task<FleetHost> StartAsync(IReadOnlyList<string> forgeDirectories, IStateStore store, string stateRoot, ServerOptions options)
    {
        var forges = new List<LocalForge>();
        var engines = new List<ServerEngine>();
        foreach (var directory in forgeDirectories)
        {
            var forge = await LocalForge.OpenAsync(directory, LocalForge.HarnessLogin, TimeProvider.System, CancellationToken.None);
            forges.Add(forge);
            var state = Path.Combine(stateRoot, RepositoryRegistry.KeyFor(forge.Name));
            engines.Add(new ServerEngine(forge, store,
                (o, logger) => new Reconciler(forge, store, new AgentRunner(new AgentRunnerOptions(state)), o, TimeProvider.System, logger), state, TimeProvider.System)
            {
                Every = TimeSpan.FromSeconds(1),
            });
        }

        var app = AutoshipServer.Build(engines, options with { WakeDebounce = TimeSpan.Zero }, builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseTestServer();
        });
        await app.StartAsync();
        return new FleetHost(forges, app);
    }

    /// <summary>Waits until <paramref name="done"/> holds, polling; fails after a minute with <paramref name="what"/>.</summary>
    public static async Task WaitAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 600 && !done(); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        done().ShouldBeTrue(what);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        foreach (var forge in forges)
        {
            await forge.DisposeAsync();
        }
    }
}
