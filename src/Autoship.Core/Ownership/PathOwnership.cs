using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Who owns a change to one path and in which lane it starts: what <c>init --dry-run</c> and <c>doctor</c> show.</summary>
/// <param name="Areas">The areas whose paths match (none: the path is owned by no area).</param>
/// <param name="Owner">The single authoring agent of the first area, when it has one.</param>
/// <param name="Lane">The lane a change to this path alone starts in (areas, path rules, role).</param>
public sealed record PathOwnership(string Path, IReadOnlyList<string> Areas, string? Owner, Lane Lane, IReadOnlyList<Reason> Reasons)
{
    public static PathOwnership For(AutoshipConfig config, string path)
    {
        var (areas, _) = PathMatches.For(config, path);
        var owner = areas.Count == 0 ? null : OwnershipPolicy.Assign(areas[0].Name, config).Owner?.Name;
        var lane = LaneClassifier.Classify([], [new ChangedFile(path, 1, 0)], config);
        return new PathOwnership(path, [.. areas.Select(a => a.Name)], owner, lane.Lane, lane.Reasons);
    }
}
