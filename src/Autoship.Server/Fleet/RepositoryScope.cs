using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autoship.Server.Fleet;

/// <summary>
/// <c>/repos/KEY/rest</c> → the repository KEY's <c>/rest</c> (its overview, items, events, controls, API). With
/// several repositories an unprefixed repository page is refused (a pause must name its repository), and <c>/</c>
/// is the repository picker. Links in the rendered pages get the prefix (<see cref="Links"/>).
/// </summary>
public static partial class RepositoryScope
{
    private static readonly string[] Scoped = ["/items", "/events", "/controls", "/tick", "/api"];

    public static IApplicationBuilder UseRepositoryScope(this IApplicationBuilder app, RepositoryRegistry registry) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(RepositoryRegistry.PathPrefix, StringComparison.Ordinal, out var rest) && rest.HasValue && rest.Value != "/")
            {
                var value = rest.Value!;
                var end = value.IndexOf('/', 1);
                var key = end < 0 ? value[1..] : value[1..end];
                if (registry.Find(key) is not { } loop)
                {
                    await Endpoints.NotFoundAnswer.WriteAsync(context, $"this server manages no repository '{key}' (see {RepositoryRegistry.PathPrefix} for the list)");
                    return;
                }

                context.Items[RepositoryRegistry.ItemKey] = loop;
                request.PathBase = request.PathBase.Add(RepositoryRegistry.PathPrefix + "/" + key);
                request.Path = end < 0 ? "/" : value[end..];
            }
            else if (registry.IsMulti && !request.Path.StartsWithSegments(RepositoryRegistry.PathPrefix, StringComparison.Ordinal))
            {
                if (request.Path == "/")
                {
                    request.Path = RepositoryRegistry.PathPrefix;
                }
                else if (Scoped.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                    && !request.Path.StartsWithSegments("/api/repos", StringComparison.OrdinalIgnoreCase))
                {
                    await Endpoints.NotFoundAnswer.WriteAsync(context,
                        $"this server manages {registry.Loops.Count} repositories: choose one, e.g. {RepositoryRegistry.PathPrefix}/{registry.Key(registry.Default)}{request.Path}");
                    return;
                }
            }

            await next(context);
        });

    /// <summary>Prefixes the page's own links and forms with the request's repository (<c>/repos/KEY</c>); the picker link stays.</summary>
    public static string Links(string html, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(context);
        var registry = context.RequestServices.GetService(typeof(RepositoryRegistry)) as RepositoryRegistry;
        var prefix = context.Request.PathBase.Value ?? string.Empty;
        if (prefix.Length > 0)
        {
            html = LocalLink().Replace(html, m => m.Groups[1].Value + "=\"" + prefix + "/");
        }

        return registry is { IsMulti: true }
            ? html.Replace("<nav>", $"<nav><a href=\"{RepositoryRegistry.PathPrefix}\">Repositories</a>", StringComparison.Ordinal)
            : html;
    }

    /// <summary>Where a form post sends the browser back to: the repository's overview.</summary>
    public static string Back(HttpContext context, string fragment) =>
        (context?.Request.PathBase.Value ?? string.Empty) + "/" + fragment;

    [GeneratedRegex("(href|action)=\"/(?!/|repos(?:/|\"))")]
    private static partial Regex LocalLink();
}
