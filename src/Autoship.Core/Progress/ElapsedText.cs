using Autoship.Core.Config;

namespace Autoship.Core.Progress;

/// <summary>How long a step has run, in the one human duration format (<see cref="Durations.Human"/>).</summary>
public static class ElapsedText
{
    /// <summary>A step still running, in whole seconds (a display refreshed every second): <c>4.0s</c>, <c>42s</c>, <c>1m 05s</c>, <c>2h 03m</c>.</summary>
    public static string Format(TimeSpan elapsed) => Durations.Human(TimeSpan.FromSeconds(Math.Max(0, Math.Floor(elapsed.TotalSeconds))));

    /// <summary>A finished step, to a tenth of a second below 10 s (<c>0.4s</c>, not a rounded-down <c>0.0s</c>), else as <see cref="Format"/>.</summary>
    public static string Took(TimeSpan elapsed) => Durations.Human(elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
}
