using Autoship.Server.Access;
using Autoship.Server.Hosting;
using Autoship.Server.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Autoship.Server.Endpoints;

/// <summary><c>/login</c> and <c>/logout</c>: trade the dashboard token for an HttpOnly, same-site cookie.</summary>
public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, string? next, DashboardAccess access, ServerEngine engine) =>
            DashboardEndpoints.Page(LoginPage.Render(engine.Forge.Name, LocalPath(next), access.CsrfToken, null), context));
        app.MapPost("/login", async Task<Results<RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> (HttpContext context, DashboardAccess access, ServerEngine engine) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var next = LocalPath(form["next"]);
            if (!DashboardAccess.SameOrigin(context.Request) || form[DashboardAccess.CsrfField] != access.CsrfToken)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "cross-site login refused");
            }

            if (!access.TokenRequired)
            {
                return TypedResults.Redirect(next);
            }

            if (!access.CheckToken(form["token"]))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return DashboardEndpoints.Page(LoginPage.Render(engine.Forge.Name, next, access.CsrfToken, "That is not the dashboard token."), context);
            }

            context.Response.Cookies.Append(DashboardAccess.CookieName, access.SessionValue(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(7),
            });
            return TypedResults.Redirect(next);
        }).DisableAntiforgery();
        app.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(DashboardAccess.CookieName);
            return TypedResults.Redirect("/login");
        }).DisableAntiforgery();
        return app;
    }

    // Only redirect within this site (no open redirect through ?next=).
    private static string LocalPath(string? next) =>
        next is { Length: > 0 } n && n[0] == '/' && !n.StartsWith("//", StringComparison.Ordinal) && !n.StartsWith("/\\", StringComparison.Ordinal) ? n : "/";
}
