using System.Globalization;
using System.Text.RegularExpressions;

namespace Autoship.Core.Config;

/// <summary>Durations as people write them in the config: <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c> or <c>hh:mm:ss</c>.</summary>
public static partial class Durations
{
    /// <summary>Parses a duration; false for anything else (including negative or overflowing values).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var unit = UnitForm().Match(trimmed);
        if (unit.Success)
        {
            if (!long.TryParse(unit.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000_000)
            {
                return false;
            }

            duration = unit.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromDays(n),
            };
            return true;
        }

        var clock = ClockForm().Match(trimmed);
        if (clock.Success)
        {
            var hours = int.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture);
            var seconds = int.Parse(clock.Groups[3].Value, CultureInfo.InvariantCulture);
            duration = new TimeSpan(hours, minutes, seconds);
            return true;
        }

        return false;
    }

    /// <summary>The shortest exact text for a duration (<c>30m</c>, <c>2h</c>, <c>1d</c>, <c>90s</c>).</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { Ticks: var t } when t % TimeSpan.TicksPerDay == 0 => $"{(long)duration.TotalDays}d",
        { Ticks: var t } when t % TimeSpan.TicksPerHour == 0 => $"{(long)duration.TotalHours}h",
        { Ticks: var t } when t % TimeSpan.TicksPerMinute == 0 => $"{(long)duration.TotalMinutes}m",
        _ => $"{(long)duration.TotalSeconds}s",
    };

    [GeneratedRegex("^([0-9]+)(s|m|h|d)$")]
    private static partial Regex UnitForm();

    [GeneratedRegex("^([0-9]{1,3}):([0-5][0-9]):([0-5][0-9])$")]
    private static partial Regex ClockForm();
}
