using Autoship.Core.Config;

namespace Autoship.Core.Progress;

/// <summary>How long a step has run, in whole seconds, in the one human duration format (<see cref="Durations.Human"/>): <c>4.0s</c>, <c>42s</c>, <c>1m 05s</c>, <c>2h 03m</c>.</summary>
public static class ElapsedText
{
    public static string Format(TimeSpan elapsed) => Durations.Human(TimeSpan.FromSeconds(Math.Max(0, Math.Floor(elapsed.TotalSeconds))));
}
