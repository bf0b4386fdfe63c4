using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>
/// The one order of ready work, used by dispatch and usable by the merge queue: priority (0 first), then lane in
/// <see cref="QueueSettings.LaneOrder"/> (cheapest to ship first), then age (longest waiting first), then number.
/// Starvation bound: an entry that has waited longer than <see cref="QueueSettings.StarvationAge"/> goes ahead of
/// every entry that has not, oldest first, so no entry waits behind newer urgent work forever.
/// </summary>
public static class DispatchOrder
{
    public static IReadOnlyList<QueuePlace> Sort(IEnumerable<QueueEntry> entries, QueueSettings queue, DateTimeOffset now) =>
        entries
            .Select(e => (Entry: e, Promoted: Starved(e, queue, now)))
            .OrderBy(x => x.Promoted ? 0 : 1)
            .ThenBy(x => x.Promoted ? 0 : x.Entry.Priority)
            .ThenBy(x => x.Promoted ? 0 : queue.LaneRank(x.Entry.Lane))
            .ThenBy(x => x.Entry.WaitingSince)
            .ThenBy(x => x.Entry.Number)
            .Select((x, i) => new QueuePlace(x.Entry, i + 1, x.Promoted))
            .ToList();

    public static bool Starved(QueueEntry entry, QueueSettings queue, DateTimeOffset now) => now - entry.WaitingSince > queue.StarvationAge;

    /// <summary>"3rd: p1, lane A, waiting 2 h" — the place and why, for status, explain, the dashboard and the issue comment.</summary>
    public static Reason Explain(QueuePlace place, int total, DateTimeOffset now)
    {
        var e = place.Entry;
        var why = place.Promoted
            ? $"{e.PriorityName} promoted ahead of every priority after waiting {Waited(now - e.WaitingSince)} (queue.starvationAge)"
            : $"{e.PriorityName}, lane {e.Lane.Letter()}, waiting {Waited(now - e.WaitingSince)}";
        return new Reason("queue-position", $"{Ordinal(place.Position)} of {total} in the queue: {why}");
    }

    public static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    public static string Waited(TimeSpan t) => t < TimeSpan.Zero ? "0 min"
        : t.TotalMinutes < 60 ? $"{(int)t.TotalMinutes} min"
        : t.TotalHours < 48 ? $"{(int)t.TotalHours} h"
        : $"{(int)t.TotalDays} d";
}
