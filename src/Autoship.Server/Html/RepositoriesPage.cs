using Autoship.Core;
using System.Text;
using Autoship.Server.Fleet;
using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>The repository picker: every repository this server manages, the replica that runs it and its last tick.</summary>
internal static class RepositoriesPage
{
    public static string Render(RepositoriesView v)
    {
        var html = new StringBuilder("<h1>Repositories</h1><p class=\"muted small\">")
            .Append(Plural.Of(v.Repositories.Count, "repository")).Append(", split between ").Append(Plural.Of(v.LiveReplicas, "live replica")).Append(" sharing one store; each runs at most ")
            .Append(v.Share).Append(". This is replica <code>").Append(H(v.Replica)).Append("</code>, running ").Append(v.HeldHere.Count).Append(".</p>");
        html.Append("<div class=\"scroll\"><table class=\"repos\"><tr><th>repository</th><th>run by</th><th>last tick</th><th>next tick here</th><th>items</th></tr>");
        foreach (var r in v.Repositories)
        {
            html.Append("<tr data-repo=\"").Append(H(r.Key)).Append("\"><td><a href=\"").Append(H(r.Path)).Append("\">").Append(H(r.Name)).Append("</a></td><td>")
                .Append(r.RunningHere ? "<span class=\"badge ok\">this replica</span>" : r.HeldBy is { } h ? $"<span class=\"small\">{H(h)}</span>" : "<span class=\"badge warn\">nobody yet</span>")
                .Append(r.TickRunning ? " <span class=\"badge info\">ticking</span>" : string.Empty).Append("</td><td class=\"small\">")
                .Append(r.LastTickAt is { } at ? $"{H(Time(at))} · {H(r.LastTickOutcome)}" : "—").Append("</td><td class=\"small\">")
                .Append(r.NextTickAt is { } next ? H(Time(next)) : "—").Append("</td><td>").Append(r.Items?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—").Append("</td></tr>");
        }

        html.Append("</table></div><p class=\"small\"><a href=\"/api/repos\">JSON</a></p>");
        return Page("Repositories", "all repositories", html.ToString());
    }
}
