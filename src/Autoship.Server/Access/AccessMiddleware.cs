using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autoship.Server.Access;

/// <summary>With a dashboard token, every page, API and metrics request needs it; health, webhooks and login stay open.</summary>
public static class AccessMiddleware
{
    private static readonly string[] OpenPaths = ["/healthz", "/readyz", "/webhooks", "/login", "/favicon.ico"];

    public static IApplicationBuilder UseDashboardAccess(this IApplicationBuilder app, DashboardAccess access) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!access.TokenRequired || OpenPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || access.IsAuthenticated(context))
            {
                await next(context);
                return;
            }

            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
                || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: "send 'Authorization: Bearer <AUTOSHIP_DASHBOARD_TOKEN>' or log in at /login").ExecuteAsync(context);
                return;
            }

            context.Response.Redirect("/login?next=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        });
}
