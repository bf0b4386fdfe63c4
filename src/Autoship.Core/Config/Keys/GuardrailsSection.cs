namespace Autoship.Core.Config;

/// <summary>The keys of <c>lanes.&lt;lane&gt;.guardrails</c>: limits on one autonomous pass.</summary>
internal static class GuardrailsSection
{
    private static readonly SectionBuilder B = new("guardrails", "lanes.<lane>.guardrails", "Per-lane limits on one autonomous pass; a larger change is refused.");

    public static readonly ConfigKey<int> MaxFiles = B.Int("maxFiles", 20, 1, "Changed files.").PerLane(10, 20, 20, v => KeyJson.Of(v));

    public static readonly ConfigKey<int> MaxLines = B.Int("maxLines", 400, 1, "Changed lines.").PerLane(200, 400, 400, v => KeyJson.Of(v));

    public static readonly ConfigKey<long> MaxBinaryBytes = B.Long("maxBinaryBytes", ConfigDefaults.MaxBinaryBytes, 1, "Bytes of binary files added or changed.");

    public static readonly ConfigKey<long> MaxFileBytes = B.Long("maxFileBytes", ConfigDefaults.MaxFileBytes, 1, "Bytes of added text in one file (a long single line counts by its bytes, not as one line).");

    public static readonly ConfigKey<long> MaxPassBytes = B.Long("maxPassBytes", ConfigDefaults.MaxPassBytes, 1, "Bytes of added text and binaries in one pass.").PerLane(524_288, ConfigDefaults.MaxPassBytes, ConfigDefaults.MaxPassBytes, v => KeyJson.Of(v));

    public static readonly ConfigKey<int> MaxLineLength = B.Int("maxLineLength", ConfigDefaults.MaxLineLength, 1, "Characters in the longest added text line.");

    public static readonly ConfigSection Section = B.Build();

    public static Guardrails Read(MapView view, Lane lane) =>
        new(MaxFiles.Read(view, lane), MaxLines.Read(view, lane), MaxBinaryBytes.Read(view, lane))
        {
            MaxFileBytes = MaxFileBytes.Read(view, lane),
            MaxPassBytes = MaxPassBytes.Read(view, lane),
            MaxLineLength = MaxLineLength.Read(view, lane),
        };
}
