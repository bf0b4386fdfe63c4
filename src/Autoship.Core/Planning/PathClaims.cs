namespace Autoship.Core.Planning;

/// <summary>
/// "No two specialists edit the same file area concurrently": the owned paths of the work orders in flight, and the
/// check that keeps a new one off them. An area owns its <em>rooted</em> globs (<c>src/api/**</c>, <c>Dockerfile</c>);
/// floating globs (<c>**/*.md</c>, <c>**/auth/**</c>) classify files anywhere in the tree and would make every area
/// overlap every other, so they do not hold paths. Two work orders on the same area always conflict.
/// </summary>
public static class PathClaims
{
    /// <summary>The rooted paths a work order on <paramref name="area"/> owns (the shared test area is not owned).</summary>
    public static IReadOnlyList<string> Owned(Config.AutoshipConfig config, string? area) =>
        area is null ? [] : (config.Area(area)?.Paths ?? []).Where(p => !IsFloating(p)).ToList();

    /// <summary>Why a work order on <paramref name="area"/> owning <paramref name="paths"/> must wait, or null when it overlaps none in flight.</summary>
    public static Reason? Conflict(string? area, IReadOnlyList<string> paths, IEnumerable<(int Issue, string? Area, IReadOnlyList<string> Paths)> inFlight)
    {
        foreach (var (issue, theirArea, held) in inFlight)
        {
            if (area is not null && string.Equals(area, theirArea, StringComparison.OrdinalIgnoreCase))
            {
                return new Reason("paths-busy", $"#{issue} is in flight on the same area ({area}): it starts when #{issue} is done (no two work orders on the same paths)");
            }

            foreach (var mine in paths)
            {
                if (held.FirstOrDefault(theirs => MayOverlap(mine, theirs)) is { } overlap)
                {
                    return new Reason("paths-busy", $"#{issue} is in flight on {overlap}, which overlaps {mine}: it starts when #{issue} is done (no two work orders on the same paths)");
                }
            }
        }

        return null;
    }

    /// <summary>A glob that can match at any depth (starts with a wildcard segment).</summary>
    public static bool IsFloating(string glob) => glob.StartsWith('*') || glob.StartsWith('?') || glob.StartsWith('{') || glob.StartsWith('[');

    /// <summary>
    /// True when some path matches both globs (<c>**</c> any number of segments, <c>*</c> and <c>?</c> within one).
    /// A segment with <c>[…]</c> or <c>{…}</c> is taken as <c>*</c>: doubt counts as overlap (fail closed).
    /// </summary>
    public static bool MayOverlap(string a, string b) => Segments(Split(a), Split(b));

    private static string[] Split(string glob) => glob.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Select(s => s.IndexOfAny(['[', '{']) >= 0 && s != "**" ? "*" : s).ToArray();

    private static bool Segments(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        if (a.IsEmpty && b.IsEmpty)
        {
            return true;
        }

        if (!a.IsEmpty && a[0] == "**")
        {
            return Segments(a[1..], b) || (!b.IsEmpty && Segments(a, b[1..]));
        }

        if (!b.IsEmpty && b[0] == "**")
        {
            return Segments(a, b[1..]) || (!a.IsEmpty && Segments(a[1..], b));
        }

        return !a.IsEmpty && !b.IsEmpty && Chars(a[0], b[0]) && Segments(a[1..], b[1..]);
    }

    private static bool Chars(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty && b.IsEmpty)
        {
            return true;
        }

        if (!a.IsEmpty && a[0] == '*')
        {
            return Chars(a[1..], b) || (!b.IsEmpty && Chars(a, b[1..]));
        }

        if (!b.IsEmpty && b[0] == '*')
        {
            return Chars(a, b[1..]) || (!a.IsEmpty && Chars(a[1..], b));
        }

        return !a.IsEmpty && !b.IsEmpty && (a[0] == '?' || b[0] == '?' || a[0] == b[0]) && Chars(a[1..], b[1..]);
    }
}
