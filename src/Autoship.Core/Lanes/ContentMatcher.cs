using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>
/// Finds the files whose added text matches a content rule (only in the rule's paths when it lists any). A rule is
/// tried on the file's added text as a whole (lines joined, <c>^</c>/<c>$</c> per line), both
/// as written and with code glue removed (SQL comments, string concatenation), so a statement split over lines,
/// wrapped in a string or cut into pieces is read as one statement.
/// </summary>
internal static class ContentMatcher
{
    // A hostile diff must not be able to stall a tick with a pathological line.
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>Each (rule, file) pair where the rule matches an added line of the file.</summary>
    public static IEnumerable<(ContentRule Rule, ChangedFile File)> Matches(IEnumerable<ContentRule> rules, IReadOnlyList<ChangedFile> files) =>
        Matches(rules, new AddedTextViews(files));

    /// <summary>The same, reading each file's views (joined, unglued) from <paramref name="views"/>: built once for all the rules.</summary>
    public static IEnumerable<(ContentRule Rule, ChangedFile File)> Matches(IEnumerable<ContentRule> rules, AddedTextViews views)
    {
        var files = views.Files;
        foreach (var rule in rules)
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                if (file.AddedLines.Count == 0 || (rule.Paths.Count > 0 && !GlobMatcher.MatchesAny(file.Path, rule.Paths)))
                {
                    continue;
                }

                foreach (var text in views.Of(i))
                {
                    if (IsMatch(rule.Pattern, text))
                    {
                        yield return (rule, file);
                        break;
                    }
                }
            }
        }
    }

    private static bool IsMatch(string pattern, string line)
    {
        var regex = Cache.GetOrAdd(pattern, Compile);

        // An invalid or runaway pattern counts as a match: a rule that cannot be evaluated must not let content through.
        if (regex is null)
        {
            return true;
        }

        try
        {
            return regex.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline, Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
