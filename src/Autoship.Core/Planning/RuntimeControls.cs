namespace Autoship.Core.Planning;

/// <summary>Switches set at run time (CLI or dashboard), on top of the configuration's own.</summary>
public sealed record RuntimeControls(bool KillSwitch, IReadOnlyCollection<Lane> PausedLanes)
{
    public static RuntimeControls None { get; } = new(false, []);

    public bool IsPaused(Lane lane, Config.LoopSettings loop) =>
        KillSwitch || loop.KillSwitch || PausedLanes.Contains(lane) || loop.PausedLanes.Contains(lane);
}
