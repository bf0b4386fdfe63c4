using Autoship.Agents;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge.Local;
using Autoship.Server.Hosting;
using Autoship.Server.Loop;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Tests.Support;

/// <summary>The real server over a real local forge: in memory (<see cref="TestServer"/>) or on a loopback port for the browser.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly LocalForge forge;
    private readonly IStateStore store;

    private ServerHost(LocalForge forge, IStateStore store, WebApplication app)
    {
        this.forge = forge;
        this.store = store;
        App = app;
    }

    public WebApplication App { get; }

    public IStateStore Store => store;

    public string ForgeName => forge.Name;

    public LoopState Loop => App.Services.GetRequiredService<LoopState>();

    public string BaseUrl => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public HttpClient Client() => App.GetTestClient();

    public static async Task<ServerHost> StartAsync(string forgeDirectory, ServerOptions options, bool kestrel = false)
    {
        var forge = await LocalForge.OpenAsync(forgeDirectory, LocalForge.HarnessLogin, TimeProvider.System, CancellationToken.None);
        var stateDirectory = Path.Combine(forge.Directory, "autoship");
        var store = await StoreFactory.OpenAsync(Path.Combine(stateDirectory, "state.db"), CancellationToken.None);
        var engine = new ServerEngine(forge, store,
            (o, logger) => new Reconciler(forge, store, new AgentRunner(new AgentRunnerOptions(stateDirectory)), o, TimeProvider.System, logger),
            stateDirectory, TimeProvider.System);
        var app = AutoshipServer.Build(engine, options with { Urls = kestrel ? "http://127.0.0.1:0" : options.Urls, WakeDebounce = TimeSpan.Zero }, builder =>
        {
            builder.Logging.ClearProviders();
            if (!kestrel)
            {
                builder.WebHost.UseTestServer();
            }
        });
        await app.StartAsync();
        return new ServerHost(forge, store, app);
    }

    /// <summary>Waits until the loop has finished <paramref name="count"/> ticks since start.</summary>
    public async Task WaitForTicksAsync(int count)
    {
        while (true)
        {
            var next = Loop.NextTickAsync();
            if (Loop.Ticks >= count)
            {
                return;
            }

            await next.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await store.DisposeAsync();
        await forge.DisposeAsync();
    }
}
