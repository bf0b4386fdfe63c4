using Autoship.Server.Fleet;
using Autoship.Server.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Autoship.Server.Endpoints;

/// <summary>
/// One answer for "nothing here": a browser asking for a page (<c>Accept: text/html</c>, not under <c>/api</c>) gets
/// the HTML 404 page with a link back to the dashboard; scripts and API paths get a JSON problem.
/// </summary>
public static class NotFoundAnswer
{
    private static readonly string[] MachinePaths = ["/api", "/webhooks", "/metrics", "/healthz", "/readyz"];

    public static bool WantsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MachinePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public static IResult For(HttpContext context, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!WantsHtml(context.Request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);
        }

        var repository = context.RequestServices.GetService<RepositoryRegistry>()?.Current(context).Name ?? string.Empty;
        var html = RepositoryScope.Links(NotFoundPage.Render(repository, context.Request.PathBase + context.Request.Path, detail), context);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>The status-code page for a path no endpoint matched (an empty 404).</summary>
    public static Task WriteAsync(HttpContext context, string detail) => For(context, detail).ExecuteAsync(context);
}
