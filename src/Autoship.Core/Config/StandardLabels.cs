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
}
