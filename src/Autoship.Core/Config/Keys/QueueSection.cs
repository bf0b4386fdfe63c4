namespace Autoship.Core.Config;

/// <summary>The keys of <c>queue</c>: which ready work goes first, how slots are shared, and when the queue is unhealthy.</summary>
internal static class QueueSection
{
    private static readonly SectionBuilder B = new("queue", "queue", "Which ready work goes first (priority, then lane, then age), fair shares of the slots, and queue-health alerts.");

    public static readonly ConfigKey<IReadOnlyList<string>> PriorityLabels = B.Strings("priorityLabels",
        ["priority:p0", "priority:p1", "priority:p2", "priority:p3", "priority:p4"],
        "Priority labels, most urgent first; only a label applied by an account with write access counts.", itemPattern: "^[^,\\s][^,]*$");

    public static readonly ConfigKey<string> DefaultPriority = B.String("defaultPriority", "priority:p2",
        "The priority of an issue without a (trusted) priority label; must be one of priorityLabels.");

    public static readonly ConfigKey<IReadOnlyList<string>> LaneOrder = B.Strings("laneOrder", ["safe", "staging", "human"],
        "Lanes in dispatch order within a priority (cheapest to ship first); lanes left out come last.");

    public static readonly ConfigKey<TimeSpan> StarvationAge = B.Duration("starvationAge", "48h",
        "Ready work waiting longer than this is promoted ahead of every priority (oldest first), so nothing waits forever.");

    public static readonly ConfigKey<int> MaxPerArea = B.Int("maxPerArea", 0, 0,
        "Work orders in flight per area at once, so one busy area cannot take every slot; 0 means no cap (agents keep their maxConcurrent).");

    public static readonly ConfigKey<TimeSpan> StalledHandoffAfter = B.Duration("stalledHandoffAfter", "4h",
        "Alert when ready work waits but no new pull request was opened for this long (stalled handoff).");

    public static readonly ConfigKey<TimeSpan> HumanWaitAfter = B.Duration("humanWaitAfter", "24h",
        "Alert when a pull request has waited on a human (lane C, changes requested, blocked) for longer than this.");

    public static readonly ConfigKey<int> FailingAgentWindow = B.Int("failingAgentWindow", 5, 1,
        "Recent attempts per agent that the failing-agent alert looks at.");

    public static readonly ConfigKey<int> FailingAgentPercent = B.Int("failingAgentPercent", 60, 1,
        "Alert when at least this percentage of an agent's recent attempts failed (needs a full window).");

    public static readonly ConfigKey<string?> NotifyWebhook = B.NullableString("notifyWebhook",
        "https:// URL that receives a JSON POST when a queue-health alert starts; null sends none.");

    public static readonly ConfigKey<IReadOnlyList<string>> NotifyMentions = B.Strings("notifyMentions", [],
        "Maintainer logins mentioned in the alert comment on notifyIssue.", itemPattern: "^[A-Za-z0-9][A-Za-z0-9-]*$");

    public static readonly ConfigKey<int> NotifyIssue = B.Int("notifyIssue", 0, 0,
        "Issue number that receives a comment mentioning notifyMentions when an alert starts; 0 posts none.");

    public static readonly ConfigSection Section = B.Build();

    public static QueueSettings Read(MapView view)
    {
        var labels = PriorityLabels.Read(view);
        if (labels.Count == 0)
        {
            view.Error(PriorityLabels.Name, "priorityLabels needs at least one label");
        }

        var fallback = DefaultPriority.Read(view);
        if (labels.Count > 0 && !labels.Contains(fallback, StringComparer.OrdinalIgnoreCase))
        {
            view.Error(DefaultPriority.Name, $"defaultPriority '{fallback}' is not one of priorityLabels ({string.Join(", ", labels)})");
        }

        var lanes = new List<Lane>();
        foreach (var name in LaneOrder.Read(view))
        {
            if (!LaneNames.TryParse(name, out var lane))
            {
                view.Error(LaneOrder.Name, $"laneOrder: '{name}' is not a lane (safe, staging, human)");
            }
            else if (lanes.Contains(lane))
            {
                view.Error(LaneOrder.Name, $"laneOrder: lane {lane.Name()} is listed twice");
            }
            else
            {
                lanes.Add(lane);
            }
        }

        var webhook = NotifyWebhook.Read(view);
        if (webhook is not null && !(Uri.TryCreate(webhook, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.IsLoopback)))
        {
            view.Error(NotifyWebhook.Name, $"notifyWebhook '{webhook}' must be an absolute https:// URL");
        }

        var issue = NotifyIssue.Read(view);
        return new QueueSettings(labels, fallback, lanes, StarvationAge.Read(view), MaxPerArea.Read(view), StalledHandoffAfter.Read(view),
            HumanWaitAfter.Read(view), FailingAgentWindow.Read(view), Math.Min(100, FailingAgentPercent.Read(view)), webhook, NotifyMentions.Read(view),
            issue == 0 ? null : issue);
    }
}
