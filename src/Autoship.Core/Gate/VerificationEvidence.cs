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

        // Without a comment to take out, a description that never says "verification evidence" has no such section:
        // most pull requests, on every tick.
        var hasComment = markdown.Contains("<!--", StringComparison.Ordinal);
        if (!hasComment && !markdown.Contains("verification evidence", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var normalized = markdown.Replace("\r\n", "\n");
        var lines = (hasComment ? HtmlComment().Replace(normalized, string.Empty) : normalized).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var level = HeadingLevel(lines[i]);
            if (level == 0 || !lines[i].Contains("verification evidence", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var body = new List<string>();
            for (var j = i + 1; j < lines.Length; j++)
            {
                var next = HeadingLevel(lines[j]);
                if (next > 0 && next <= level)
                {
                    break;
                }

                body.Add(lines[j]);
            }

            var text = string.Join('\n', body).Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }

        return null;
    }

    private static int HeadingLevel(string line)
    {
        var trimmed = line.TrimStart();
        if (line.Length - trimmed.Length > 3)
        {
            return 0;
        }

        var hashes = trimmed.TakeWhile(c => c == '#').Count();
        return hashes is >= 1 and <= 6 && (trimmed.Length == hashes || char.IsWhiteSpace(trimmed[hashes])) ? hashes : 0;
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();
}
