using System.Text;
using Autoship.Core;
using Autoship.Engine.Store;
using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>The event log with filters by item, kind and text.</summary>
internal static class EventsPage
{
    public static string Render(string repository, EventQuery query, IReadOnlyList<StoredEvent> events)
    {
        var html = new StringBuilder("<h1>Events</h1><form method=\"get\" action=\"/events\" class=\"card row\">");
        html.Append("<label>issue <input type=\"text\" inputmode=\"numeric\" size=\"5\" name=\"issue\" value=\"").Append(query.Issue).Append("\"></label>");
        html.Append("<label>kind <input type=\"text\" size=\"12\" name=\"kind\" value=\"").Append(H(query.Kind)).Append("\" placeholder=\"merge, gate…\"></label>");
        html.Append("<label>text <input type=\"search\" name=\"q\" value=\"").Append(H(query.Text)).Append("\"></label>");
        html.Append("<button type=\"submit\">Filter</button> <a href=\"/events\">clear</a></form>");
        html.Append("<p class=\"muted small\">").Append(Plural.Of(events.Count, "event")).Append(", newest first").Append(events.Count >= query.Limit ? $" (the first {query.Limit})" : string.Empty).Append(".</p>");
        html.Append(events.Count == 0 ? "<p class=\"muted\">No event matches.</p>" : Table(events));
        return Page("Events", repository, html.ToString());
    }

    public static string Table(IEnumerable<StoredEvent> events)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table class=\"events\"><tr><th>when</th><th>item</th><th>what</th><th>outcome</th><th>details</th></tr>");
        foreach (var e in events)
        {
            html.Append("<tr><td class=\"small\">").Append(H(Time(e.At))).Append("</td><td>")
                .Append(e.Issue is { } n ? $"<a href=\"/items/{n}\">#{n}</a>" : "—").Append(e.PullRequest is { } pr ? $" <span class=\"muted small\">PR #{pr}</span>" : string.Empty)
                .Append("</td><td>").Append(H(e.Kind)).Append("</td><td>").Append(ItemHtml.PhaseBadge(e.Outcome)).Append("</td><td>").Append(H(e.Message))
                .Append(ItemHtml.Reasons(ReasonText.NotIn(e.Message, e.Reasons))).Append("</td></tr>");
        }

        return html.Append("</table></div>").ToString();
    }
}
