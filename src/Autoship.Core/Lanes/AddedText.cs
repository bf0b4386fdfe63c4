using System.Text.RegularExpressions;

namespace Autoship.Core;

/// <summary>The added text of one file as content rules read it: joined, and again with the glue code puts between the words of one statement taken out.</summary>
internal static partial class AddedText
{
    // A hostile diff must not be able to stall a tick with a pathological text.
    private const int MatchTimeoutMilliseconds = 250;

    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("\"'`");

    public static IEnumerable<string> Views(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        var joined = string.Join('\n', lines);
        yield return joined;
        var unglued = Unglue(joined);
        if (unglued != joined)
        {
            yield return unglued;
        }
    }

    /// <summary>
    /// Replaces SQL comments with a space and removes string concatenation (<c>"DELETE " + "FROM x"</c>,
    /// <c>'a' 'b'</c>, <c>"a" . "b"</c>, <c>`a` + `b`</c>), joining the pieces of one statement.
    /// </summary>
    public static string Unglue(string text)
    {
        // Each pattern needs its opening characters: text without them is left as it is, without a regex run (and the
        // clock read of its timeout) per file and per tick.
        try
        {
            var spaced = text.Contains("/*", StringComparison.Ordinal) ? BlockComment().Replace(text, " ") : text;
            spaced = spaced.Contains("--", StringComparison.Ordinal) ? LineComment().Replace(spaced, " ") : spaced;
            return spaced.AsSpan().IndexOfAny(Quotes) >= 0 ? Concatenation().Replace(spaced, string.Empty) : spaced;
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline | RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex BlockComment();

    // To the end of the line, or of the string it is in: "DELETE FROM users -- WHERE id = 1" deletes every row.
    [GeneratedRegex(@"--[^\n'""`]*(?=$|['""`])", RegexOptions.Multiline | RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"([""'`])\s*(?:\+|\.|\|\||&)?\s*(?:\\\s*)?[fFrRbBuU]?\1", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex Concatenation();
}
