using Autoship.Core.Config;
using Autoship.Server.Hosting;
using Autoship.Server.Loop;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Autoship.Server.Endpoints;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the store and the forge answer a cheap call.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (LoopState loop) => TypedResults.Ok(new Health("ok", loop.TickRunning, loop.Ticks, null)));
        app.MapGet("/readyz", async Task<Results<Ok<Health>, JsonHttpResult<Health>>> (ServerEngine engine, LoopState loop, CancellationToken ct) =>
        {
            var problems = new List<string>();
            try
            {
                await engine.Store.GetControlsAsync(engine.Forge.Name, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                problems.Add("store: " + e.Message);
            }

            try
            {
                // A conditional read of the configuration: cheap (an ETag hit costs no rate limit) yet a real round trip.
                await engine.Forge.ReadFileAsync(AutoshipConfig.DefaultPath, null, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                problems.Add("forge: " + e.Message);
            }

            return problems.Count == 0
                ? TypedResults.Ok(new Health("ready", loop.TickRunning, loop.Ticks, null))
                : TypedResults.Json(new Health("not-ready", loop.TickRunning, loop.Ticks, problems), statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

public sealed record Health(string Status, bool TickRunning, int Ticks, IReadOnlyList<string>? Problems);
