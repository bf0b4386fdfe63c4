using Autoship.Engine.Explain;
using Autoship.Engine.Store;
using Autoship.Server.Access;
using Autoship.Server.Fleet;
using Autoship.Server.Hosting;
using Autoship.Server.Html;
using Autoship.Server.Loop;
using Autoship.Server.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Autoship.Server.Endpoints;

/// <summary>The server-rendered pages and their form posts (which answer with a redirect back to the overview).</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext context, StatusBuilder status, DashboardAccess access, CancellationToken ct) =>
            Page(OverviewPage.Render(await status.BuildAsync(ct), access.CsrfToken), context));
        app.MapGet("/items/{number:int}", async (HttpContext context, int number, ItemReader items, ServerEngine engine, CancellationToken ct) =>
            await items.ReadAsync(number, ct) is { } explanation
                ? Page(ItemPage.Render(engine.Forge.Name, explanation, await items.ReadDiscussionAsync(explanation, ct)), context)
                : NotFoundAnswer.For(context, $"issue #{number} does not exist on {engine.Forge.Name}"));
        app.MapGet("/items/{number:int}/log", async Task<Results<ContentHttpResult, ProblemHttpResult>> (int number, ItemReader items, ServerEngine engine, CancellationToken ct) =>
            await items.ReadAsync(number, ct) is { Failure: { } failure } && await FailureLogs.ReadWholeAsync(failure, ct) is { } log
                ? TypedResults.Text(log, "text/plain; charset=utf-8")
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"#{number} on {engine.Forge.Name} has no failing log on this machine"));
        app.MapGet("/events", async Task<Results<ContentHttpResult, ProblemHttpResult>> (HttpContext context, ServerEngine engine, CancellationToken ct) =>
        {
            var request = context.Request;
            if (EventFilter.Parse(engine.Forge.Name, request.Query) is not { } query)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "issue must be a positive number");
            }

            return Page(EventsPage.Render(engine.Forge.Name, query, await engine.Store.QueryEventsAsync(query, ct)), context);
        });
        app.MapPost("/controls", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext context, ControlsService controls, DashboardAccess access, CancellationToken ct) =>
        {
            var form = await context.Request.ReadFormAsync(ct);
            if (access.CheckWrite(context, form[DashboardAccess.CsrfField]) is { } refusal)
            {
                return TypedResults.Problem(statusCode: refusal.Status, detail: refusal.Detail);
            }

            try
            {
                await controls.ApplyAsync(form["action"], form["lane"], "web form", ct);
            }
            catch (ArgumentException e)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
            }

            return TypedResults.Redirect(RepositoryScope.Back(context, "#controls"));
        }).DisableAntiforgery();
        app.MapPost("/tick", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext context, LoopState loop, DashboardAccess access, CancellationToken ct) =>
        {
            var form = await context.Request.ReadFormAsync(ct);
            if (access.CheckWrite(context, form[DashboardAccess.CsrfField]) is { } refusal)
            {
                return TypedResults.Problem(statusCode: refusal.Status, detail: refusal.Detail);
            }

            loop.Wake();
            return TypedResults.Redirect(RepositoryScope.Back(context, "#controls"));
        }).DisableAntiforgery();
        return app;
    }

    internal static ContentHttpResult Page(string html, HttpContext context) => TypedResults.Content(RepositoryScope.Links(html, context), "text/html; charset=utf-8");
}
