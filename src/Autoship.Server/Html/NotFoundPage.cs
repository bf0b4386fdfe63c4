using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>The page a browser gets for a dashboard address that names nothing: what was missing and the way back.</summary>
internal static class NotFoundPage
{
    public static string Render(string repository, string path, string detail) =>
        Page("Not found", repository,
            "<h1>Not found</h1><div class=\"card\" id=\"not-found\"><p>" + H(detail) + "</p><p class=\"muted small\">Address: <code>" + H(path)
            + "</code></p><p><a href=\"/\">Back to the dashboard</a> · <a href=\"/events\">Events</a></p></div>");
}
