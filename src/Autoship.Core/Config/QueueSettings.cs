namespace Autoship.Core.Config;

/// <summary>How ready work is ordered, capped and watched: priorities, lane order, starvation, fairness and queue-health limits.</summary>
public sealed record QueueSettings(
    IReadOnlyList<string> PriorityLabels,
    string DefaultPriority,
    IReadOnlyList<Lane> LaneOrder,
    TimeSpan StarvationAge,
    int MaxPerArea,
    TimeSpan StalledHandoffAfter,
    TimeSpan HumanWaitAfter,
    int FailingAgentWindow,
    int FailingAgentPercent,
    string? NotifyWebhook,
    IReadOnlyList<string> NotifyMentions,
    int? NotifyIssue)
{
    /// <summary>The rank of <paramref name="label"/> (0 is the most urgent), or null when it is not a priority label.</summary>
    public int? RankOf(string label)
    {
        for (var i = 0; i < PriorityLabels.Count; i++)
        {
            if (string.Equals(PriorityLabels[i], label, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The rank of <paramref name="lane"/> in <see cref="LaneOrder"/> (lanes left out come last, in risk order).</summary>
    public int LaneRank(Lane lane)
    {
        for (var i = 0; i < LaneOrder.Count; i++)
        {
            if (LaneOrder[i] == lane)
            {
                return i;
            }
        }

        return LaneOrder.Count + (int)lane;
    }
}
