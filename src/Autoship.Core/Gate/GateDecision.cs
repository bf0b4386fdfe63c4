namespace Autoship.Core;

/// <summary>The gate's decision with every reason, and for a hold, what a human must do.</summary>
public sealed record GateDecision(GateVerdict Verdict, Lane Lane, IReadOnlyList<Reason> Reasons, IReadOnlyList<string> HumanActions)
{
    /// <summary>The reason code of a head the merge queue holds: its message is the queue's own status.</summary>
    public const string QueuedCode = "queued";

    /// <summary>The gate status of a green head while the merge queue works on it: the same text the planner publishes for that queue status.</summary>
    public static string QueuedSummary(Lane lane, string queueStatus) =>
        new GateDecision(GateVerdict.Merge, lane, [new Reason(QueuedCode, queueStatus)], []).Summary;

    /// <summary>
    /// A one-line summary that fits a commit status description (140 characters). A pull request the gate lets merge
    /// that waits in the merge queue says where it stands there ("waiting in the queue at position 3", "batch #12
    /// failed; bisecting: …"): that, not the met requirements, is what a person reading the status needs.
    /// </summary>
    public string Summary
    {
        get
        {
            var head = $"{Verdict.ToString().ToLowerInvariant()} (lane {Lane.Letter()} {Lane.Name()})";
            var lead = Reasons.FirstOrDefault(r => r.Code == QueuedCode && Verdict == GateVerdict.Merge) ?? Reasons.FirstOrDefault();
            var first = lead is not null ? ": " + lead.Message : string.Empty;
            var text = head + first;
            return text.Length <= 140 ? text : text[..137] + "...";
        }
    }
}
