using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>The token form shown when the dashboard is guarded by <c>AUTOSHIP_DASHBOARD_TOKEN</c>.</summary>
internal static class LoginPage
{
    public static string Render(string repository, string next, string csrf, string? error) => Page("Log in", repository,
        "<h1>Log in</h1><form method=\"post\" action=\"/login\" class=\"card\">" + Csrf(csrf)
        + $"<input type=\"hidden\" name=\"next\" value=\"{H(next)}\">"
        + (error is null ? string.Empty : $"<p class=\"bad\">{H(error)}</p>")
        + "<p>This dashboard is protected by the token in <code>AUTOSHIP_DASHBOARD_TOKEN</code>.</p>"
        + "<div class=\"row\"><input type=\"password\" name=\"token\" autocomplete=\"current-password\" aria-label=\"token\" required><button type=\"submit\">Log in</button></div></form>");
}
