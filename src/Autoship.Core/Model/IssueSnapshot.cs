namespace Autoship.Core;

/// <summary>What the forge says about an issue at the moment of observation.</summary>
public sealed record IssueSnapshot(
    int Number,
    string Title,
    string Body,
    bool Open,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Assignees,
    IReadOnlyList<LabelEvent> LabelEvents,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The forge's own "blocked by" dependencies (GitHub issue dependencies), with each blocker's state; empty when it has none.</summary>
    public IReadOnlyList<IssueLink> BlockedBy { get; init; } = [];

    public bool HasLabel(string label) => Autoship.Core.Labels.Has(Labels, label);

    /// <summary>The most recent account that added <paramref name="label"/> and whose add is still in effect.</summary>
    public Actor? LastAppliedBy(string label)
    {
        for (var i = LabelEvents.Count - 1; i >= 0; i--)
        {
            var e = LabelEvents[i];
            if (string.Equals(e.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return e.Added ? e.Actor : null;
            }
        }

        return null;
    }

    /// <summary>The account whose removal of <paramref name="label"/> is the label's latest event; null when the latest is an add or there is none.</summary>
    public Actor? LastRemovedBy(string label)
    {
        for (var i = LabelEvents.Count - 1; i >= 0; i--)
        {
            var e = LabelEvents[i];
            if (string.Equals(e.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return e.Added ? null : e.Actor;
            }
        }

        return null;
    }

    /// <summary>When <paramref name="label"/> was last added, if it was.</summary>
    public DateTimeOffset? LastAppliedAt(string label)
    {
        for (var i = LabelEvents.Count - 1; i >= 0; i--)
        {
            var e = LabelEvents[i];
            if (string.Equals(e.Label, label, StringComparison.OrdinalIgnoreCase) && e.Added)
            {
                return e.At;
            }
        }

        return null;
    }
}
