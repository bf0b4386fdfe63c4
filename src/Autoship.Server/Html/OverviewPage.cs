using System.Globalization;
using System.Text;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Server.Status;
using static Autoship.Server.Html.Html;

namespace Autoship.Server.Html;

/// <summary>The overview: is anything paused, what waits for a human, the queue, claims, PRs by lane, agents, outcomes and ticks.</summary>
internal static class OverviewPage
{
    public static string Render(StatusView s, string csrf)
    {
        var html = new StringBuilder("<p class=\"muted small\">Autoship gives each issue labeled <code>autonomy:ready</code> to one agent, has a different agent review its pull request, "
            + "and merges only when the PR's lane allows it. Every item below says where it stands and why; open one for its whole history.</p>");
        html.Append(Controls(s, csrf));
        foreach (var notice in s.Notices)
        {
            html.Append("<div class=\"card warn\">⚠ ").Append(H(notice.Message)).Append("</div>");
        }

        var waiting = s.Lanes.SelectMany(l => l.PullRequests).Where(i => i.HumanActions.Count > 0).Concat(s.NeedsAttention).ToList();
        html.Append(ItemHtml.Section("Needs a human", "Items the agents cannot move on alone; each says what to do.", waiting.Select(i => ItemHtml.Card(i)),
            "Nothing is waiting for a human."));
        html.Append(ItemHtml.Section("Queue", "Ready issues that wait for a free slot (or for their lane to be resumed).", s.Queue.Select(i => ItemHtml.Card(i)),
            "No issue is waiting. Label an issue autonomy:ready to queue it."));
        html.Append(Running(s.Running));
        html.Append(ItemHtml.Section("Active claims", "An agent owns these issues and is working on them.", s.Claims.Select(Claim), "No agent is working right now."));
        html.Append("<h2>Pull requests by lane</h2><p class=\"muted small\">The gate decides, for each PR and its lane, whether it may merge; the reasons say why.</p>");
        foreach (var lane in s.Lanes)
        {
            html.Append("<section class=\"lane-prs\" data-lane=\"").Append(H(lane.Name)).Append("\"><h3>Lane ").Append(H(lane.Letter)).Append(" (").Append(H(lane.Name)).Append(')')
                .Append(lane.Paused ? " <span class=\"badge bad\">paused</span>" : string.Empty).Append(" <span class=\"muted\">(").Append(lane.PullRequests.Count).Append(")</span></h3>");
            html.Append(lane.PullRequests.Count == 0 ? "<p class=\"muted small\">No open pull request in this lane.</p>" : string.Concat(lane.PullRequests.Select(i => ItemHtml.Card(i))));
            html.Append("</section>");
        }

        html.Append(Agents(s.Agents));
        html.Append(Outcomes(s));
        html.Append(Ticks(s));
        return Page("Overview", s.Forge, html.ToString());
    }

    private static string Controls(StatusView s, string csrf)
    {
        var paused = s.Controls.KillSwitch || s.Controls.PausedLanes.Count > 0;
        var html = new StringBuilder("<div class=\"card banner").Append(paused ? " paused" : string.Empty).Append("\" id=\"controls\">");
        html.Append("<div class=\"state\">").Append(H(s.Controls.Description)).Append("</div>");
        html.Append("<div class=\"meta\"><span>").Append(H(LoopLine(s))).Append("</span><span>observed ").Append(H(Time(s.ObservedAt))).Append("</span></div>");
        html.Append("<div class=\"row\">").Append(Button(csrf, s.Controls.KillSwitch ? "resume" : "pause", null,
            s.Controls.KillSwitch ? "Resume everything" : "Pause everything (kill switch)"));
        html.Append("<form class=\"inline\" method=\"post\" action=\"/tick\">").Append(Csrf(csrf)).Append("<button type=\"submit\">Run a tick now</button></form></div>");
        html.Append("</div><div class=\"lanes\">");
        foreach (var lane in s.Lanes)
        {
            html.Append("<div class=\"card lane").Append(lane.Paused ? " paused" : string.Empty).Append("\" data-lane=\"").Append(H(lane.Name)).Append("\">");
            html.Append("<h3>Lane ").Append(H(lane.Letter)).Append(" · ").Append(H(lane.Name)).Append(' ')
                .Append(lane.Paused ? "<span class=\"badge bad\">paused</span>" : "<span class=\"badge ok\">running</span>").Append("</h3>");
            html.Append("<p class=\"small muted\">").Append(H(char.ToUpperInvariant(lane.Requires[0]) + lane.Requires[1..])).Append(".</p>");
            var laneOnly = s.Controls.PausedLanes.Contains(lane.Name);
            html.Append(Button(csrf, laneOnly ? "resume" : "pause", lane.Name, laneOnly ? $"Resume lane {lane.Letter}" : $"Pause lane {lane.Letter}"));
            html.Append("</div>");
        }

        return html.Append("</div>").ToString();
    }

    private static string Button(string csrf, string action, string? lane, string label) =>
        $"<form class=\"inline\" method=\"post\" action=\"/controls\">{Csrf(csrf)}<input type=\"hidden\" name=\"action\" value=\"{H(action)}\">"
        + (lane is null ? string.Empty : $"<input type=\"hidden\" name=\"lane\" value=\"{H(lane)}\">")
        + $"<button type=\"submit\" class=\"{(action == "pause" ? "danger" : "go")}\">{H(label)}</button></form>";

    private static string LoopLine(StatusView s) =>
        !s.Loop.Running ? "the loop is not running in this process" :
        s.Loop.TickRunning ? "a tick is running now" :
        s.Loop.NextTickAt is { } next ? $"next tick {Time(next)} (or sooner when a webhook arrives)" : "starting";

    private static string Claim(ClaimView c) =>
        ItemHtml.Card(c.Item, $"<span>claimed {(c.ClaimedAt is { } at ? H(Time(at)) + " (" + H(Age(c.Age!.Value)) + " ago)" : "time not read yet")}</span>");

    private static string Running(IReadOnlyList<RunningView> running)
    {
        var html = new StringBuilder("<section id=\"running\"><h2>Running now</h2><p class=\"muted small\">What this server runs at this moment — a tick's steps and the agents of its worker pool — for how long, and the last line each printed. Reload to follow it.</p>");
        if (running.Count == 0)
        {
            return html.Append("<p class=\"muted\">Nothing is running in this server right now.</p></section>").ToString();
        }

        html.Append("<div class=\"scroll\"><table><tr><th>what</th><th>running for</th><th>last output</th></tr>");
        foreach (var r in running)
        {
            html.Append("<tr><td>").Append(H(r.What)).Append("</td><td>").Append(H(Autoship.Core.Progress.ElapsedText.Format(r.Elapsed)))
                .Append("</td><td>").Append(r.LastLine is { } line ? "<code>" + H(line) + "</code>" : "<span class=\"muted\">no output yet</span>").Append("</td></tr>");
        }

        return html.Append("</table></div></section>").ToString();
    }

    private static string Agents(IReadOnlyList<AgentView> agents)
    {
        var html = new StringBuilder("<section><h2>Agents</h2><p class=\"muted small\">Each agent's current items and how its runs of the last 7 days ended.</p>");
        if (agents.Count == 0)
        {
            return html.Append("<p class=\"muted\">No agent has run yet.</p></section>").ToString();
        }

        html.Append("<div class=\"scroll\"><table><tr><th>agent</th><th>working on</th><th>runs</th><th>success</th><th>last run</th></tr>");
        foreach (var a in agents)
        {
            html.Append("<tr><td>").Append(H(a.Name)).Append("</td><td>")
                .Append(a.Working.Count == 0 ? "<span class=\"muted\">idle</span>" : string.Join(", ", a.Working.Select(n => $"<a href=\"/items/{n}\">#{n}</a>")))
                .Append("</td><td>").Append(a.Runs).Append("</td><td>")
                .Append(a.SuccessRate is { } rate ? H($"{rate.ToString("P0", CultureInfo.InvariantCulture)} ({a.Succeeded}/{a.Runs})") : "—")
                .Append("</td><td>").Append(H(a.LastOutcome ?? "—")).Append("</td></tr>");
        }

        return html.Append("</table></div></section>").ToString();
    }

    private static string Outcomes(StatusView s)
    {
        var html = new StringBuilder("<section><h2>Recent outcomes</h2><p class=\"muted small\">Merges, releases, blocks and failed actions, newest first. <a href=\"/events\">All events</a>.</p>");
        if (s.RecentOutcomes.Count == 0)
        {
            return html.Append("<p class=\"muted\">Nothing yet.</p></section>").ToString();
        }

        html.Append("<div class=\"scroll\"><table><tr><th>when</th><th>item</th><th>what</th><th>details</th></tr>");
        foreach (var e in s.RecentOutcomes)
        {
            html.Append("<tr><td class=\"small\">").Append(H(Time(e.At))).Append("</td><td>")
                .Append(e.Issue is { } n ? $"<a href=\"/items/{n}\">#{n}</a>" : "—").Append("</td><td>")
                .Append(ItemHtml.PhaseBadge(e.Kind + (e.Result == ActionOutcome.Ok ? string.Empty : ": " + e.Outcome))).Append("</td><td>").Append(H(e.Message))
                .Append(ItemHtml.Reasons(e.Reasons)).Append("</td></tr>");
        }

        return html.Append("</table></div></section>").ToString();
    }

    private static string Ticks(StatusView s)
    {
        var html = new StringBuilder("<section><h2>Last ticks</h2><p class=\"muted small\">One tick reads the repository, plans, and acts; requests are forge API calls.</p>");
        if (s.Ticks.Count == 0)
        {
            return html.Append("<p class=\"muted\">No tick has run yet.</p></section>").ToString();
        }

        html.Append("<div class=\"scroll\"><table><tr><th>started</th><th>took</th><th>actions</th><th>requests</th><th>outcome</th></tr>");
        foreach (var t in s.Ticks)
        {
            html.Append("<tr><td class=\"small\">").Append(H(Time(t.StartedAt))).Append("</td><td>").Append(H(Autoship.Core.Config.Durations.Human(t.Duration)))
                .Append("</td><td>").Append(t.Actions).Append("</td><td>").Append(t.Requests)
                .Append(t.RateLimitRemaining is { } left ? $" <span class=\"muted small\">({left} left)</span>" : string.Empty)
                .Append("</td><td>").Append(H(t.Outcome)).Append("</td></tr>");
        }

        return html.Append("</table></div></section>").ToString();
    }
}
