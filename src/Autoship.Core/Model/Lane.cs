namespace Autoship.Core;

/// <summary>What a pull request needs before it may merge. Ordered by risk: a higher value is riskier.</summary>
public enum Lane
{
    /// <summary>Lane A: safe auto-merge (docs, test repairs, small CLI/SDK parity, small type alignment).</summary>
    Safe = 0,

    /// <summary>Lane B: staging-first product work (backend routes, dashboard, observability).</summary>
    Staging = 1,

    /// <summary>Lane C: human-gated risk (auth/session, runtime protocol, infrastructure, migrations).</summary>
    Human = 2,
}

public static class LaneNames
{
    public static string Name(this Lane lane) => lane switch
    {
        Lane.Safe => "safe",
        Lane.Staging => "staging",
        Lane.Human => "human",
        _ => throw new ArgumentOutOfRangeException(nameof(lane)),
    };

    public static string Letter(this Lane lane) => lane switch
    {
        Lane.Safe => "A",
        Lane.Staging => "B",
        _ => "C",
    };

    public static bool TryParse(string? text, out Lane lane)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "safe" or "a": lane = Lane.Safe; return true;
            case "staging" or "b": lane = Lane.Staging; return true;
            case "human" or "c": lane = Lane.Human; return true;
            default: lane = Lane.Safe; return false;
        }
    }

    public static Lane Max(Lane a, Lane b) => (Lane)Math.Max((int)a, (int)b);
}
