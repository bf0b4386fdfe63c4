using System.Globalization;

namespace Autoship.Core.Config;

public static partial class Durations
{
    /// <summary>
    /// A duration as every human-readable surface shows it (CLI, dashboard, comments): <c>0.4s</c>, <c>42s</c>,
    /// <c>4m 05s</c>, <c>1h 02m</c>, <c>3d 04h</c>. JSON carries seconds as a number instead (keys ending in <c>Seconds</c>).
    /// </summary>
    public static string Human(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            return "-" + Human(duration.Negate());
        }

        var c = CultureInfo.InvariantCulture;
        return duration.TotalSeconds < 10 ? (Math.Floor(duration.TotalSeconds * 10) / 10).ToString("0.0", c) + "s"
            : duration.TotalMinutes < 1 ? ((int)duration.TotalSeconds).ToString(c) + "s"
            : duration.TotalHours < 1 ? string.Create(c, $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s")
            : duration.TotalDays < 1 ? string.Create(c, $"{(int)duration.TotalHours}h {duration.Minutes:00}m")
            : string.Create(c, $"{(int)duration.TotalDays}d {duration.Hours:00}h");
    }
}
