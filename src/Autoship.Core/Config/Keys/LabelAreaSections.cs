namespace Autoship.Core.Config;

/// <summary>The keys of <c>labels[]</c> and <c>areas.&lt;name&gt;</c>.</summary>
internal static class LabelAreaSections
{
    private static readonly SectionBuilder L = new("label", "labels[]", "A label Autoship reads or writes; 'labels sync' creates it.");
    private static readonly SectionBuilder A = new("area", "areas.<name>", "An area (the part after 'area:'): the paths it covers and the lane its changes start in.");

    public static readonly ConfigKey<string> Name = L.String("name", string.Empty, "The label's name, e.g. area:api or risk:high.", required: true, nonEmpty: true);
    public static readonly ConfigKey<string> Color = L.String("color", "ededed", "6 hex digits without '#'.", required: true, pattern: "^[0-9a-fA-F]{6}$",
        check: c => c.Length == 6 && c.All(Uri.IsHexDigit) ? null : $"label color must be 6 hex digits without '#', got '{c}'");
    public static readonly ConfigKey<string> Description = L.String("description", string.Empty, "Shown on the forge.");

    public static readonly ConfigKey<Lane> Lane = A.Lane("lane", Core.Lane.Human, "The lane its changes start in.", required: true);
    public static readonly ConfigKey<IReadOnlyList<string>> Paths = A.Globs("paths", [], "Globs of the paths the area covers.", required: true);

    public static readonly ConfigSection Label = L.Build();
    public static readonly ConfigSection Area = A.Build();
}
