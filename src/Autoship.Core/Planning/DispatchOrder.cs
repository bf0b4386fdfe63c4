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
    public static IReadOnlyList<QueuePlace> Sort(IEnumerable<QueueEntry> entries, QueueSettings queue, DateTimeOffset now)
    {
        // Keys computed once per entry and one array sort (the input index last: as stable as OrderBy/ThenBy), not a
        // chain of LINQ orderings: dispatch sorts every ready issue on every tick.
        var keyed = entries.Select((e, i) =>
        {
            var promoted = Starved(e, queue, now);
            return new Keyed(e, promoted, promoted ? 0 : e.Priority, promoted ? 0 : queue.LaneRank(e.Lane), i);
        }).ToArray();
        Array.Sort(keyed, Compare);
        var places = new List<QueuePlace>(keyed.Length);
        for (var i = 0; i < keyed.Length; i++)
        {
            places.Add(new QueuePlace(keyed[i].Entry, i + 1, keyed[i].Promoted));
        }

        return places;
    }

    private readonly record struct Keyed(QueueEntry Entry, bool Promoted, int Priority, int LaneRank, int Index);

    private static int Compare(Keyed a, Keyed b)
    {
        var c = (a.Promoted ? 0 : 1).CompareTo(b.Promoted ? 0 : 1);
        c = c != 0 ? c : a.Priority.CompareTo(b.Priority);
        c = c != 0 ? c : a.LaneRank.CompareTo(b.LaneRank);
        c = c != 0 ? c : a.Entry.WaitingSince.CompareTo(b.Entry.WaitingSince);
        c = c != 0 ? c : a.Entry.Number.CompareTo(b.Entry.Number);
        return c != 0 ? c : a.Index.CompareTo(b.Index);
    }

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

    /// <summary>
    /// A wait in its two largest units, rounded down: "0 min", "59 min", "1 h 59 min", "47 h", "3 d 5 h". Two units
    /// keep "1 h" from standing for anything up to two hours; a zero second unit is left out.
    /// </summary>
    public static string Waited(TimeSpan t)
    {
        if (t < TimeSpan.FromMinutes(60))
        {
            return $"{Math.Max(0, (int)t.TotalMinutes)} min";
        }

        if (t < TimeSpan.FromHours(48))
        {
            var hours = (int)t.TotalHours;
            var minutes = t.Minutes;
            return minutes == 0 ? $"{hours} h" : $"{hours} h {minutes} min";
        }

        var days = (int)t.TotalDays;
        return t.Hours == 0 ? $"{days} d" : $"{days} d {t.Hours} h";
    }
}
