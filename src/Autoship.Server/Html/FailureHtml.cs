using System.Text;
using Autoship.Core;
using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>An item's failure on its page: what failed, the last lines of its log (escaped, in a <c>pre</c>) and a link to the whole log.</summary>
internal static class FailureHtml
{
    public static string Render(FailureDetail? failure, int issue)
    {
        if (failure is null)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<h2>What failed</h2><div class=\"card\" id=\"failure\"><p><strong>").Append(H(failure.Title)).Append("</strong></p>");
        html.Append(failure.Tail.Count == 0
            ? "<p class=\"muted\">Its log has no readable line.</p>"
            : "<pre class=\"log-tail\">" + H(string.Join('\n', failure.Tail)) + "</pre>");
        var whole = Uri.TryCreate(failure.Log, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<a href=\"{H(failure.Log)}\" rel=\"noopener noreferrer\">{H(failure.Log)}</a>"
            : $"<a href=\"/items/{issue}/log\">the whole log</a> <span class=\"muted small\">({H(failure.Log)})</span>";
        return html.Append("<p class=\"small\">The whole log: ").Append(whole).Append("</p></div>").ToString();
    }
}
