using System.Collections.Concurrent;
using DotNet.Globbing;

namespace Autoship.Core;

/// <summary>
/// Matches repository paths (forward slashes, relative to the root) against the globs used in the configuration:
/// <c>*</c> within a segment, <c>**</c> across segments (also zero segments, so <c>**/*.md</c> matches <c>README.md</c>).
/// Matching is case-insensitive so that a rule cannot be dodged by changing the case of a path.
/// </summary>
public static class GlobMatcher
{
    private static readonly GlobOptions Options = new() { Evaluation = { CaseInsensitive = true } };

    // Parsed globs are cached: the same few patterns are matched against every changed file of every tick.
    private static readonly ConcurrentDictionary<string, Glob[]> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string path, string pattern) => IsNormalizedMatch(Normalize(path), pattern);

    private static bool IsNormalizedMatch(string normalized, string pattern)
    {
        foreach (var glob in Cache.GetOrAdd(pattern, Compile))
        {
            if (glob.IsMatch(normalized))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="path"/> matches any of <paramref name="patterns"/>.</summary>
    public static bool MatchesAny(string path, IReadOnlyList<string> patterns) => FirstMatch(path, patterns) is not null;

    /// <summary>The first of <paramref name="patterns"/> that <paramref name="path"/> matches, or null.</summary>
    public static string? FirstMatch(string path, IReadOnlyList<string> patterns)
    {
        // A plain loop over the path normalized once: every changed path meets every area's and rule's globs each tick.
        var normalized = Normalize(path);
        for (var i = 0; i < patterns.Count; i++)
        {
            if (IsNormalizedMatch(normalized, patterns[i]))
            {
                return patterns[i];
            }
        }

        return null;
    }

    /// <summary>Forward slashes, no leading <c>./</c> or <c>/</c>.</summary>
    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.TrimStart('/');
    }

    private static Glob[] Compile(string pattern)
    {
        var p = Normalize(pattern.Trim());
        var variants = new List<string> { p };

        // "**/" may stand for no directory at all, as in git and most glob dialects.
        if (p.StartsWith("**/", StringComparison.Ordinal))
        {
            variants.Add(p[3..]);
        }

        var inner = p.IndexOf("/**/", StringComparison.Ordinal);
        if (inner > 0)
        {
            variants.Add(p[..inner] + p[(inner + 3)..]);
        }

        return [.. variants.Distinct(StringComparer.Ordinal).Select(v => Glob.Parse(v, Options))];
    }
}
