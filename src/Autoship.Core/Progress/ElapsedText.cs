namespace Autoship.Core.Progress;

/// <summary>How long a step has run, short and stable for logs: <c>4s</c>, <c>1m05s</c>, <c>2h03m</c>.</summary>
public static class ElapsedText
{
    public static string Format(TimeSpan elapsed)
    {
        var seconds = (long)Math.Max(0, Math.Floor(elapsed.TotalSeconds));
        return seconds switch
        {
            < 60 => $"{seconds}s",
            < 3600 => $"{seconds / 60}m{seconds % 60:00}s",
            _ => $"{seconds / 3600}h{seconds / 60 % 60:00}m",
        };
    }
}
