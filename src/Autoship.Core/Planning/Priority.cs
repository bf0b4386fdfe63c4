using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>An item's priority: its rank (0 goes first), the label it came from, and notes on labels that did not count.</summary>
public sealed record Priority(int Rank, string Label, bool Labeled, IReadOnlyList<Reason> Notes)
{
    /// <summary>
    /// The most urgent priority label applied by an account with write access (as for <c>autonomy:ready</c>: anyone
    /// who can open an issue can sometimes label it); otherwise <see cref="QueueSettings.DefaultPriority"/>.
    /// </summary>
    public static Priority Of(IssueSnapshot issue, QueueSettings queue)
    {
        // Most issues carry no priority label: no notes list, no copy of the record (the planner asks for every ready issue).
        List<Reason>? notes = null;
        Priority? best = null;
        foreach (var label in issue.Labels)
        {
            if (queue.RankOf(label) is not { } rank)
            {
                continue;
            }

            var by = issue.LastAppliedBy(label);
            if (by is not { CanWrite: true })
            {
                (notes ??= []).Add(new("priority-untrusted", by is null
                    ? $"{label} does not count: nobody with write access is known to have added it"
                    : $"{label} does not count: it was added by {by.Login}, who has {by.Permission.ToString().ToLowerInvariant()} access"));
                continue;
            }

            if (best is null || rank < best.Rank)
            {
                best = new Priority(rank, queue.PriorityLabels[rank], true, []);
            }
        }

        best ??= new Priority(queue.RankOf(queue.DefaultPriority) ?? queue.PriorityLabels.Count, queue.DefaultPriority, false, []);
        return notes is null ? best : best with { Notes = notes };
    }

    /// <summary>The short name people use: <c>p1</c> for <c>priority:p1</c>.</summary>
    public string Short => Label.Contains(':', StringComparison.Ordinal) ? Label[(Label.LastIndexOf(':') + 1)..] : Label;
}
