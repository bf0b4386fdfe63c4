using Autoship.Core.Planning;
using Autoship.Engine.Explain;
using Autoship.Engine.Store;
using Autoship.Server.Access;
using Autoship.Server.Hosting;
using Autoship.Server.Loop;
using Autoship.Server.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Autoship.Server.Endpoints;

/// <summary>The JSON behind every page, and the write actions for scripts (bearer token, or the anti-forgery header).</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/status", async (StatusBuilder status, DashboardAccess access, CancellationToken ct) =>
            TypedResults.Ok(await status.BuildAsync(ct) with { CsrfToken = access.CsrfToken }));
        api.MapGet("/items/{number:int}", async Task<Results<Ok<ItemExplanation>, ProblemHttpResult>> (int number, ItemReader items, ServerEngine engine, CancellationToken ct) =>
            await items.ReadAsync(number, ct) is { } explanation
                ? TypedResults.Ok(explanation)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"issue #{number} does not exist on {engine.Forge.Name}"));
        api.MapGet("/events", async Task<Results<Ok<EventsResponse>, ProblemHttpResult>> (HttpRequest request, ServerEngine engine, CancellationToken ct) =>
            EventFilter.Parse(engine.Forge.Name, request.Query) is { } query
                ? TypedResults.Ok(new EventsResponse(query.Issue, query.Kind, query.Text, await engine.Store.QueryEventsAsync(query, ct)))
                : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "issue must be a positive number"));
        api.MapPost("/controls", async Task<Results<Ok<ControlsView>, ProblemHttpResult>> (HttpContext context, ControlsService controls, DashboardAccess access, CancellationToken ct) =>
        {
            var request = await ReadControlsAsync(context.Request, ct);
            if (access.CheckWrite(context, request?.Csrf) is { } refusal)
            {
                return TypedResults.Problem(statusCode: refusal.Status, detail: refusal.Detail);
            }

            try
            {
                var next = await controls.ApplyAsync(request?.Action, request?.Lane, access.HasBearer(context) ? "api, bearer" : "api", ct);
                return TypedResults.Ok(View(next));
            }
            catch (ArgumentException e)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
            }
        }).DisableAntiforgery();
        api.MapPost("/tick", Results<Accepted<TickRequested>, ProblemHttpResult> (HttpContext context, LoopState loop, DashboardAccess access) =>
        {
            if (access.CheckWrite(context, null) is { } refusal)
            {
                return TypedResults.Problem(statusCode: refusal.Status, detail: refusal.Detail);
            }

            loop.Wake();
            return TypedResults.Accepted((string?)null, new TickRequested("woken", loop.TickRunning));
        }).DisableAntiforgery();
        return app;
    }

    private static ControlsView View(RuntimeControls c) =>
        new(c.KillSwitch, c.PausedLanes.Select(l => Autoship.Core.LaneNames.Name(l)).ToList(), StatusBuilder.Describe(c));

    // Accepts a JSON body ({"action":"pause","lane":"safe"}) or a form post.
    private static async Task<ControlsRequest?> ReadControlsAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return new ControlsRequest(form["action"], form["lane"], form[DashboardAccess.CsrfField]);
        }

        return request.HasJsonContentType() ? await request.ReadFromJsonAsync<ControlsRequest>(ct) : null;
    }
}

public sealed record ControlsRequest(string? Action, string? Lane, string? Csrf);

public sealed record TickRequested(string Status, bool TickRunning);

public sealed record EventsResponse(int? Issue, string? Kind, string? Text, IReadOnlyList<StoredEvent> Events);
