using System.Globalization;
using System.Text;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Engine.Explain;
using Autoship.Server.Status;
using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>One item's page: the same content as <c>autoship explain</c> (summary, reasons, human actions, agent runs, history).</summary>
internal static class ItemPage
{
    public static string Render(string repository, ItemExplanation e, ItemDiscussion discussion)
    {
        var html = new StringBuilder("<h1>#").Append(e.View.Issue).Append(' ').Append(H(e.View.Title)).Append(' ').Append(ItemHtml.PhaseBadge(e.View.Phase)).Append("</h1>");
        html.Append("<div class=\"card\"><p id=\"summary\"><strong>").Append(H(e.Summary)).Append("</strong></p><div class=\"meta\">");
        html.Append("<span>lane: ").Append(e.View.Lane is { } lane ? H($"{lane.Letter()} ({lane.Name()})") : "not yet known").Append("</span>");
        html.Append("<span>agent: ").Append(H(e.View.Owner ?? "none")).Append("</span><span>reviewer: ").Append(H(e.View.Reviewer ?? "none")).Append("</span>");
        html.Append(e.View.PullRequest is { } pr ? $"<span>PR #{pr}</span>" : string.Empty);
        html.Append(e.View.Verdict is { } v ? "<span>gate: " + ItemHtml.VerdictBadge(v) + "</span>" : string.Empty);
        html.Append("<span>attempt ").Append(e.View.Attempt).Append("</span></div>");
        if (e.View.Reasons.Count > 0)
        {
            html.Append("<h3>Why</h3>").Append(ItemHtml.Reasons(e.View.Reasons));
        }

        html.Append(ItemHtml.HumanActions(e.View.HumanActions)).Append("</div>");
        html.Append(FailureHtml.Render(e.Failure, e.View.Issue));
        html.Append(Discussion(discussion));

        html.Append("<h2>Agent runs</h2>");
        if (e.Runs.Count == 0)
        {
            html.Append("<p class=\"muted\">No agent has run on this item.</p>");
        }
        else
        {
            html.Append("<div class=\"scroll\"><table><tr><th>agent</th><th>role</th><th>attempt</th><th>ended</th><th>took</th><th>spent</th><th>diff</th><th>validation</th></tr>");
            foreach (var stored in e.Runs)
            {
                var r = stored.Run;
                html.Append("<tr><td>").Append(H(r.Agent)).Append("</td><td>").Append(H(r.Role.Wire())).Append("</td><td>").Append(r.Attempt)
                    .Append("</td><td>").Append(H(RunEnded.Of(stored) + (r.EgressRefused.Count > 0 ? $" (egress refused: {string.Join(", ", r.EgressRefused)})" : string.Empty))).Append("</td><td>")
                    .Append(H(Durations.Human(stored.Duration))).Append("</td><td>").Append(H(RunUsage.Describe(r.Usage)))
                    .Append("</td><td>").Append(H(r.DiffStat)).Append("</td><td>")
                    .Append(H(r.ValidationCommand is null ? "—" : $"{r.ValidationCommand} → {r.ValidationExitCode?.ToString(CultureInfo.InvariantCulture) ?? "not run"}"))
                    .Append("</td></tr>");
            }

            html.Append("</table></div>");
        }

        html.Append("<h2>History</h2>");
        if (e.History.Count == 0)
        {
            html.Append("<p class=\"muted\">No recorded history in this store (the item's Autoship comment on the forge is the source of truth).</p>");
        }
        else
        {
            html.Append(EventsPage.Table(e.History));
        }

        html.Append("<p class=\"small\"><a href=\"/events?issue=").Append(e.View.Issue).Append("\">Filter the event log by this item</a> · <a href=\"/api/items/")
            .Append(e.View.Issue).Append("\">JSON</a></p>");
        return Page($"#{e.View.Issue}", repository, html.ToString());
    }

    // The people's side of the item: Markdown rendered safely (MarkdownHtml), never raw.
    private static string Discussion(ItemDiscussion d)
    {
        var html = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(d.IssueBody))
        {
            html.Append("<h2>Issue</h2><div class=\"card markdown\" id=\"issue-body\">").Append(MarkdownHtml.Block(d.IssueBody)).Append("</div>");
        }

        if (d.PullRequest is { } pr)
        {
            html.Append("<h2>Pull request #").Append(pr.Number).Append(' ').Append(H(pr.Title)).Append("</h2><div class=\"card markdown\" id=\"pr-body\">")
                .Append(string.IsNullOrWhiteSpace(pr.Body) ? "<p class=\"muted\">No description.</p>" : MarkdownHtml.Block(pr.Body)).Append("</div>");
        }

        if (d.Comments.Count > 0)
        {
            html.Append("<h2>Review comments</h2>");
            foreach (var review in d.Comments)
            {
                html.Append("<div class=\"card markdown review\"><div class=\"meta\"><span>").Append(H(review.Reviewer.Login)).Append("</span><span>")
                    .Append(H(review.State.ToString())).Append("</span><span>").Append(H(Time(review.SubmittedAt))).Append("</span></div>")
                    .Append(MarkdownHtml.Block(review.Body)).Append("</div>");
            }
        }

        return html.ToString();
    }
}
