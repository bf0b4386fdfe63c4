namespace Autoship.Core;

/// <summary>The seed's label families and the labels Autoship itself reads and writes.</summary>
public static class Labels
{
    public const string Ready = "autonomy:ready";
    public const string Safe = "autonomy:safe";
    public const string Blocked = "autonomy:blocked";
    public const string Claimed = "autonomy:claimed";

    public const string AreaPrefix = "area:";
    public const string RiskPrefix = "risk:";
    public const string AutonomyPrefix = "autonomy:";
    public const string SizePrefix = "size:";

    /// <summary>Lane labels that Autoship applies to pull requests (they may also be set by people to raise a lane).</summary>
    public const string LanePrefix = "lane:";

    public static readonly IReadOnlyList<string> Areas =
        ["area:api", "area:web", "area:auth", "area:cli-sdk", "area:runtime", "area:test", "area:infra", "area:ops", "area:docs"];

    public static readonly IReadOnlyList<string> Risks = ["risk:low", "risk:medium", "risk:high"];

    public static readonly IReadOnlyList<string> Autonomy = [Ready, Safe, Blocked, Claimed];

    public static readonly IReadOnlyList<string> Sizes = ["size:xs", "size:s", "size:m", "size:l"];

    /// <summary>Whether <paramref name="labels"/> holds <paramref name="label"/> (any case); a plain loop, since the planner asks it for every item.</summary>
    public static bool Has(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsArea(string label) => label.StartsWith(AreaPrefix, StringComparison.OrdinalIgnoreCase);

    public static bool IsRisk(string label) => label.StartsWith(RiskPrefix, StringComparison.OrdinalIgnoreCase);

    public static bool IsSize(string label) => label.StartsWith(SizePrefix, StringComparison.OrdinalIgnoreCase);

    public static bool IsLane(string label) => label.StartsWith(LanePrefix, StringComparison.OrdinalIgnoreCase);

    public static string AreaName(string areaLabel) => areaLabel[AreaPrefix.Length..];
}
