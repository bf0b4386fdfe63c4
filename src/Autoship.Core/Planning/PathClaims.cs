using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>
/// "No two specialists edit the same file area concurrently": the owned paths of the work orders in flight, and the
/// check that keeps a new one off them. Two globs may overlap when the literal part of one (up to its first wildcard)
/// is a prefix of the other's; that over-approximates, so a doubtful pair waits rather than runs (fail closed).
/// </summary>
public static class PathClaims
{
    /// <summary>The paths a work order on <paramref name="area"/> owns (its area's paths; the shared test area is not owned).</summary>
    public static IReadOnlyList<string> Owned(AutoshipConfig config, string? area) =>
        area is null ? [] : config.Area(area)?.Paths ?? [];

    /// <summary>Why a work order owning <paramref name="paths"/> must wait, or null when it overlaps no work order in flight.</summary>
    public static Reason? Conflict(IReadOnlyList<string> paths, IEnumerable<(int Issue, IReadOnlyList<string> Paths)> inFlight)
    {
        foreach (var (issue, held) in inFlight)
        {
            foreach (var mine in paths)
            {
                if (held.FirstOrDefault(theirs => MayOverlap(mine, theirs)) is { } theirs)
                {
                    return new Reason("paths-busy", $"#{issue} is in flight on {theirs}, which overlaps {mine}: it starts when #{issue} is done (no two work orders on the same paths)");
                }
            }
        }

        return null;
    }

    /// <summary>True when some path could match both globs.</summary>
    public static bool MayOverlap(string a, string b)
    {
        var pa = LiteralPrefix(a);
        var pb = LiteralPrefix(b);
        var aExact = pa.Length == a.Length;
        var bExact = pb.Length == b.Length;
        if (aExact && bExact)
        {
            return string.Equals(a, b, StringComparison.Ordinal);
        }

        if (aExact)
        {
            return GlobMatcher.IsMatch(a, b);
        }

        if (bExact)
        {
            return GlobMatcher.IsMatch(b, a);
        }

        return pa.StartsWith(pb, StringComparison.Ordinal) || pb.StartsWith(pa, StringComparison.Ordinal);
    }

    private static string LiteralPrefix(string glob)
    {
        var wildcard = glob.IndexOfAny(['*', '?', '[', '{']);
        return wildcard < 0 ? glob : glob[..wildcard];
    }
}
