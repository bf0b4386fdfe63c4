using Autoship.Core.Config;

namespace Autoship.Cli.Doctor;

public enum LabelAction
{
    Create,
    Update,
    Delete,
    Unchanged,
}

/// <summary>One line of the <c>labels sync</c> diff: what is configured and what the forge has now.</summary>
internal sealed record LabelChange(LabelAction Action, string Name, LabelDefinition? Desired, LabelDefinition? Current)
{
    /// <summary>GitHub compares label names and colors without case; descriptions exactly.</summary>
    public static IReadOnlyList<LabelChange> Plan(IReadOnlyList<LabelDefinition> configured, IReadOnlyList<LabelDefinition> existing, bool prune)
    {
        var changes = new List<LabelChange>();
        foreach (var want in configured)
        {
            var have = existing.FirstOrDefault(l => string.Equals(l.Name, want.Name, StringComparison.OrdinalIgnoreCase));
            var action = have is null ? LabelAction.Create
                : Same(have, want) ? LabelAction.Unchanged
                : LabelAction.Update;
            changes.Add(new LabelChange(action, want.Name, want, have));
        }

        foreach (var have in existing.Where(l => !configured.Any(c => string.Equals(c.Name, l.Name, StringComparison.OrdinalIgnoreCase))))
        {
            // Other labels are people's: listed, but deleted only with --prune.
            changes.Add(new LabelChange(prune ? LabelAction.Delete : LabelAction.Unchanged, have.Name, null, have));
        }

        return changes;
    }

    private static bool Same(LabelDefinition a, LabelDefinition b) =>
        string.Equals(a.Name, b.Name, StringComparison.Ordinal)
        && string.Equals(a.Color.TrimStart('#'), b.Color.TrimStart('#'), StringComparison.OrdinalIgnoreCase)
        && (a.Description ?? string.Empty) == (b.Description ?? string.Empty);
}
