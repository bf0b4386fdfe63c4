using Autoship.Core;
using Autoship.Server.Endpoints;
using Autoship.Server.Hosting;
using Autoship.Server.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Autoship.Server.Fleet;

/// <summary><c>/repos</c> (the repository picker) and <c>/api/repos</c>: every repository, which replica runs it, its last tick.</summary>
public static class RepositoryEndpoints
{
    public static IEndpointRouteBuilder MapRepositoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(RepositoryRegistry.PathPrefix, async (HttpContext context, RepositoryRegistry registry, FleetService fleet, ServerOptions options, CancellationToken ct) =>
            DashboardEndpoints.Page(RepositoriesPage.Render(await BuildAsync(registry, fleet, options, ct)), context));
        app.MapGet("/api/repos", async (RepositoryRegistry registry, FleetService fleet, ServerOptions options, CancellationToken ct) =>
            TypedResults.Ok(await BuildAsync(registry, fleet, options, ct)));
        return app;
    }

    public static async Task<RepositoriesView> BuildAsync(RepositoryRegistry registry, FleetService fleet, ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(options);
        var store = registry.Default.Engine.Store;
        var now = registry.Default.Engine.Clock.GetUtcNow();
        var holders = (await store.ListLeasesAsync(FleetService.RepoPrefix, now, cancellationToken))
            .ToDictionary(l => l.Repository[FleetService.RepoPrefix.Length..], l => l.Holder, StringComparer.Ordinal);
        var views = new List<RepositoryView>();
        foreach (var loop in registry.Loops)
        {
            var last = (await store.RecentTicksAsync(loop.Name, 1, cancellationToken)).FirstOrDefault();
            var key = registry.Key(loop);
            views.Add(new RepositoryView(key, loop.Name, $"{RepositoryRegistry.PathPrefix}/{key}/", holders.GetValueOrDefault(loop.Name), loop.IsRunning,
                loop.State.TickRunning, loop.State.Ticks, loop.IsRunning ? loop.State.NextTickAt : null, last?.EndedAt, last?.Outcome, loop.Cache.Current?.Items.Count));
        }

        return new RepositoriesView(options.Replica, fleet.LiveReplicas, FleetAssignment.Share(registry.Loops.Count, fleet.LiveReplicas), fleet.Held, views);
    }
}
