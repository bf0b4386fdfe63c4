namespace Autoship.Core.Config;

/// <summary>The keys of <c>sizing</c>: changed lines per size class.</summary>
internal static class SizingSection
{
    private static readonly SectionBuilder B = new("sizing", "sizing", "Changed lines per size class (a change is in the first class whose limit it is under); generated files do not count.");

    public static readonly ConfigKey<int> Xs = B.Int("xs", 10, 1, "Upper limit of size:xs, in changed lines.");

    public static readonly ConfigKey<int> S = B.Int("s", 30, 1, "Upper limit of size:s.");

    public static readonly ConfigKey<int> M = B.Int("m", 100, 1, "Upper limit of size:m.");

    public static readonly ConfigKey<int> L = B.Int("l", 500, 1, "Upper limit of size:l (larger is size:xl).");

    public static readonly ConfigKey<IReadOnlyList<string>> Generated = B.Globs("generated",
        ["**/*.lock", "**/package-lock.json", "**/*.g.cs", "**/generated/**"], "Generated files, not counted (plus linguist-generated in .gitattributes).");

    public static readonly ConfigSection Section = B.Build();

    public static SizingSettings Read(MapView view)
    {
        var sizing = new SizingSettings(Xs.Read(view), S.Read(view), M.Read(view), L.Read(view), Generated.Read(view));
        if (!(sizing.Xs < sizing.S && sizing.S < sizing.M && sizing.M < sizing.L))
        {
            view.Error(string.Empty, $"size limits must grow: xs < s < m < l, got {sizing.Xs}, {sizing.S}, {sizing.M}, {sizing.L}");
        }

        return sizing;
    }
}
