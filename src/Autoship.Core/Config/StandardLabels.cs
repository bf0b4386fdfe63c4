namespace Autoship.Core.Config;

/// <summary>
/// The labels a configuration gets when it leaves out <c>labels</c>: the default file's risk, autonomy, size and lane
/// labels (one list, in <see cref="DefaultConfig"/>), plus <c>area:&lt;name&gt;</c> for each of its areas.
/// </summary>
internal static class StandardLabels
{
    private const string AreaColor = "1d76db";

    private static readonly Lazy<IReadOnlyList<LabelDefinition>> Families = new(() =>
        DefaultConfig.Load().Labels.Where(l => !Labels.IsArea(l.Name)).ToList());

    public static IReadOnlyList<LabelDefinition> For(IReadOnlyList<AreaDefinition> areas) =>
    [
        .. areas.Where(a => ConfigNames.IsName(a.Name)).Select(a => new LabelDefinition(Labels.AreaPrefix + a.Name, AreaColor, $"Area {a.Name}")),
        .. Families.Value,
    ];

    private const string PriorityColor = "b60205";

    /// <summary><paramref name="labels"/> plus every priority label it leaves out, so <c>labels sync</c> creates them.</summary>
    public static IReadOnlyList<LabelDefinition> WithPriorities(IReadOnlyList<LabelDefinition> labels, QueueSettings queue) =>
    [
        .. labels,
        .. queue.PriorityLabels
            .Where(p => !labels.Any(l => string.Equals(l.Name, p, StringComparison.OrdinalIgnoreCase)))
            .Select(p => new LabelDefinition(p, PriorityColor, $"Priority {queue.RankOf(p)} of {queue.PriorityLabels.Count - 1} (0 goes first); counts only when a writer applies it")),
    ];
}
