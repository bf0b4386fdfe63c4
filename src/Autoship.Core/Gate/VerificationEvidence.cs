using System.Text.RegularExpressions;

namespace Autoship.Core;

/// <summary>Finds the "Verification evidence" section a lane C pull request must carry in its description.</summary>
public static partial class VerificationEvidence
{
    /// <summary>
    /// True when a markdown heading contains "verification evidence" (any case) and is followed, before the next
    /// heading of the same or a higher level, by text that is not blank and not only an HTML comment (template hint).
    /// </summary>
    public static bool Has(string? markdown) => Section(markdown) is not null;

    /// <summary>The text of the first non-empty "verification evidence" section (HTML comments removed), or null.</summary>
    public static string? Section(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        // A description that never says "verification evidence" once its comments are out (most pull requests, on
        // every tick) has no such section: no need to read it line by line.
        var normalized = markdown.Replace("\r\n", "\n");
        var text = normalized.Contains("<!--", StringComparison.Ordinal) ? HtmlComment().Replace(normalized, string.Empty) : normalized;
        if (!text.Contains("verification evidence", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Lines as ranges of the text (split at '\n'), not as strings: a body is read once per PR per tick.
        var lines = LineRanges(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = text.AsSpan(lines[i]);
            var level = HeadingLevel(line);
            if (level == 0 || !line.Contains("verification evidence", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Count && HeadingLevel(text.AsSpan(lines[end])) is var next && !(next > 0 && next <= level))
            {
                end++;
            }

            if (end == i + 1)
            {
                continue;
            }

            // The body lines joined with '\n' are the text from the first one's start to the last one's end.
            var from = lines[i + 1].Start.Value;
            var section = text.AsSpan(from, lines[end - 1].End.Value - from).Trim();
            if (section.Length > 0)
            {
                return section.ToString();
            }
        }

        return null;
    }

    private static List<Range> LineRanges(string text)
    {
        var ranges = new List<Range>();
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                ranges.Add(start..text.Length);
                return ranges;
            }

            ranges.Add(start..newline);
            start = newline + 1;
        }
    }

    private static int HeadingLevel(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart();
        if (line.Length - trimmed.Length > 3)
        {
            return 0;
        }

        var hashes = 0;
        while (hashes < trimmed.Length && trimmed[hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 1 and <= 6 && (trimmed.Length == hashes || char.IsWhiteSpace(trimmed[hashes])) ? hashes : 0;
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();
}
