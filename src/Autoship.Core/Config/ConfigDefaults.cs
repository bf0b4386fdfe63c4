namespace Autoship.Core.Config;

/// <summary>
/// The documented defaults for keys a configuration leaves out. Nothing is written here: each value is what the
/// loader reads from an empty section, so it is the declaration's default (see the section files under Keys/).
/// </summary>
public static class ConfigDefaults
{
    /// <summary>The default tick schedule: every 15 minutes. The loader, the workflow <c>init</c> writes and the loops use it.</summary>
    public const string Schedule = "*/15 * * * *";

    public const long MaxBinaryBytes = 1_048_576;

    public const long MaxFileBytes = 262_144;

    public const long MaxPassBytes = 2_097_152;

    public const int MaxLineLength = 1_000;

    public static IReadOnlyList<string> Never => RootSection.Never.Default;

    public static IReadOnlyList<string> Generated => SizingSection.Generated.Default;

    public static LoopSettings Loop { get; } = LoopSection.Read(MapView.Empty());

    public static ValidationSettings Validation { get; } = ValidationSection.Read(MapView.Empty());

    public static SizingSettings Sizing { get; } = SizingSection.Read(MapView.Empty());

    public static QueueSettings Queue { get; } = QueueSection.Read(MapView.Empty());

    public static ProtectionSettings Protections { get; } = ProtectionsSection.Read(MapView.Empty());

    public static RunnerSettings Runner { get; } = AgentSections.ReadRunner(new ConfigReader("defaults"), MapView.Empty());

    public static TimeSpan AgentTimeout => AgentSections.Timeout.Default;

    public static TimeSpan AgentInactivity => AgentSections.Inactivity.Default;

    /// <summary>The seed's lane, used for every key a <c>lanes.&lt;lane&gt;</c> entry (or a whole lane) leaves out.</summary>
    public static LanePolicy Lane(Lane lane) => Lanes[lane];

    private static readonly IReadOnlyDictionary<Lane, LanePolicy> Lanes =
        Enum.GetValues<Lane>().ToDictionary(l => l, l => LaneSection.Read(new ConfigReader("defaults"), MapView.Empty(), l));
}
