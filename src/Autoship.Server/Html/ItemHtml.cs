using System.Text;
using Autoship.Core;
using Autoship.Core.Planning;
using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>How one item reads everywhere on the dashboard: title, phase, lane, owner, PR, gate, reasons and what a human must do.</summary>
internal static class ItemHtml
{
    public static string Card(ItemView item, string? extra = null)
    {
        var html = new StringBuilder("<div class=\"card item\" data-issue=\"").Append(item.Issue).Append("\">");
        html.Append("<h3><a href=\"/items/").Append(item.Issue).Append("\">#").Append(item.Issue).Append(' ').Append(H(item.Title)).Append("</a> ")
            .Append(PhaseBadge(item.Phase)).Append("</h3>");
        html.Append("<div class=\"meta\">");
        html.Append("<span>lane: ").Append(item.Lane is { } lane ? H($"{lane.Letter()} ({lane.Name()})") : "not yet known").Append("</span>");
        if (item.Owner is not null)
        {
            html.Append("<span>agent: ").Append(H(item.Owner)).Append(item.Reviewer is null ? string.Empty : " → reviewer " + H(item.Reviewer)).Append("</span>");
        }

        if (item.PullRequest is { } pr)
        {
            html.Append("<span>PR #").Append(pr).Append("</span>");
        }

        if (item.Verdict is { } verdict)
        {
            html.Append("<span>gate: ").Append(VerdictBadge(verdict)).Append("</span>");
        }

        if (item.Attempt > 0)
        {
            html.Append("<span>attempt ").Append(item.Attempt).Append("</span>");
        }

        html.Append(extra).Append("</div>");
        if (item.QueuePosition is { } place)
        {
            html.Append("<p class=\"queue-position\">").Append(H(place.Message)).Append("</p>");
        }

        html.Append(Reasons(item.Reasons));
        html.Append(HumanActions(item.HumanActions));
        return html.Append("</div>").ToString();
    }

    public static string Reasons(IReadOnlyList<Reason> reasons)
    {
        if (reasons.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<ul class=\"reasons\">");
        foreach (var reason in reasons)
        {
            html.Append("<li>").Append(MarkdownHtml.Inline(reason.Message)).Append(" <span class=\"muted small\">(").Append(H(reason.Code)).Append(")</span></li>");
        }

        return html.Append("</ul>").ToString();
    }

    public static string HumanActions(IReadOnlyList<string> actions) =>
        actions.Count == 0 ? string.Empty : "<div class=\"human\"><strong>What a human must do:</strong><ul class=\"reasons\">"
            + string.Concat(actions.Select(a => "<li>" + MarkdownHtml.Inline(a) + "</li>")) + "</ul></div>";

    public static string PhaseBadge(ItemPhase phase) => PhaseBadge(phase.Wire());

    /// <summary>A badge for a phase's or an event outcome's text (the two vocabularies share <c>refused</c>, <c>skipped</c>…).</summary>
    public static string PhaseBadge(string text) =>
        $"<span class=\"badge {(WireNames.TryParse<ItemPhase>(text, out var phase) ? PhaseClass(phase) : "info")}\">{H(text)}</span>";

    public static string VerdictBadge(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Merge => "<span class=\"badge ok\">merge</span>",
        GateVerdict.Wait => "<span class=\"badge info\">wait</span>",
        GateVerdict.Hold => "<span class=\"badge warn\">hold for a human</span>",
        _ => "<span class=\"badge bad\">reject</span>",
    };

    public static string PhaseClass(ItemPhase phase) => phase switch
    {
        ItemPhase.Merged => "ok",
        ItemPhase.Held or ItemPhase.Paused or ItemPhase.Skipped or ItemPhase.Released => "warn",
        ItemPhase.Blocked or ItemPhase.Refused or ItemPhase.Stopped => "bad",
        _ => "info",
    };

    public static string Section(string title, string explanation, IEnumerable<string> cards, string empty)
    {
        var list = cards.ToList();
        var html = new StringBuilder("<section><h2>").Append(H(title)).Append(" <span class=\"muted\">(").Append(list.Count).Append(")</span></h2>");
        html.Append("<p class=\"muted small\">").Append(H(explanation)).Append("</p>");
        html.Append(list.Count == 0 ? $"<p class=\"muted\">{H(empty)}</p>" : string.Concat(list));
        return html.Append("</section>").ToString();
    }
}
