using System.Text;
using Autoship.Core.Progress;

namespace Autoship.Core;

/// <summary>
/// The end of a failing log that says what failed (<c>No module named pytest</c>), cut for a comment, a terminal or a
/// page: the last <see cref="MaxLines"/> meaningful lines (blank lines and rules of dashes or equals signs are not),
/// control and escape characters removed (a log must not paint a terminal or break a page), each line and the whole
/// bounded. The text is untrusted: callers redact secrets first and escape it for where it goes.
/// </summary>
public static class LogTail
{
    public const int MaxLines = 20;

    public const int MaxLineChars = 240;

    public const int MaxChars = 3000;

    /// <summary>The tail of <paramref name="log"/>; empty when it has no meaningful line.</summary>
    public static IReadOnlyList<string> Of(string log, int maxLines = MaxLines)
    {
        var kept = new List<string>();
        var total = 0;
        var lines = log.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = lines.Length - 1; i >= 0 && kept.Count < maxLines; i--)
        {
            var line = Clean(lines[i]);
            if (!Meaningful(line))
            {
                continue;
            }

            if (total + line.Length > MaxChars)
            {
                break;
            }

            total += line.Length + 1;
            kept.Add(line);
        }

        kept.Reverse();
        return kept;
    }

    /// <summary>True for a line a person reads: it has a letter or a digit (not a blank line or a rule like <c>-----</c>).</summary>
    public static bool Meaningful(string line) => line.Any(char.IsLetterOrDigit);

    /// <summary>The line without ANSI escape sequences and control characters (a tab becomes a space), trimmed at the end and bounded.</summary>
    public static string Clean(string line)
    {
        var sb = new StringBuilder(Math.Min(line.Length, MaxLineChars + 1));
        for (var i = 0; i < line.Length && sb.Length <= MaxLineChars; i++)
        {
            var c = line[i];
            if (c == '\u001b')
            {
                i = TerminalText.SkipSequence(line, i);
            }
            else if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(c) && !IsInvisible(c))
            {
                sb.Append(c);
            }
        }

        var text = sb.ToString().TrimEnd();
        return text.Length > MaxLineChars ? text[..MaxLineChars] + "…" : text;
    }

    // Bidirectional overrides and zero-width characters can make a line read differently from what it is.
    private static bool IsInvisible(char c) => c is >= '\u200b' and <= '\u200f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\ufeff';
}
