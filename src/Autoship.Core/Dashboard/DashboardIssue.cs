using Autoship.Core.Planning;

namespace Autoship.Core.Dashboard;

/// <summary>
/// The one "Autoship dashboard" issue (like Renovate's Dependency Dashboard) for teams that run no server. The body
/// holds no clock time, so that an idle tick renders the same text and writes nothing.
/// </summary>
public static class DashboardIssue
{
    public const string Marker = "<!-- autoship:dashboard -->";

    public const string Title = "Autoship dashboard";

    /// <summary>The label it is filed with: how the forge finds it again in one request (never a work item).</summary>
    public const string Label = "autoship:dashboard";

    /// <summary>GitHub refuses an issue body longer than this.</summary>
    public const int MaxBodyLength = 65_536;

    private const string Truncated = "\n\n_The dashboard is longer than GitHub allows: the rest is left out; `autoship status` shows everything._\n";

    public static string Body(DashboardInput input)
    {
        var lines = new List<string> { Marker, "This issue is rewritten by Autoship when what it shows changes. Close it to stop the updates; reopen it to have them back.", string.Empty };
        lines.AddRange(DashboardSections.Controls(input));
        lines.AddRange(DashboardSections.MainHealth(input.Notices));
        lines.AddRange(DashboardSections.Queue(input.Items, input.Health));
        lines.AddRange(DashboardSections.WaitingForHuman(input.Items));
        lines.AddRange(DashboardSections.ByState(input.Items));
        lines.AddRange(DashboardSections.Budgets(input.Loop, input.UnavailableAgents));
        return Bounded(string.Join("\n", lines).TrimEnd() + "\n");
    }

    /// <summary>Cuts at a line boundary and says so, so that the body always fits on GitHub.</summary>
    public static string Bounded(string body)
    {
        if (body.Length <= MaxBodyLength)
        {
            return body;
        }

        var cut = body.LastIndexOf('\n', MaxBodyLength - Truncated.Length - 1);
        return body[..Math.Max(cut, Marker.Length)] + Truncated;
    }
}
