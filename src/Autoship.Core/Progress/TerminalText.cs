using System.Globalization;
using System.Text;

namespace Autoship.Core.Progress;

/// <summary>
/// Makes untrusted text (an agent's output, an issue title) safe to show on a terminal: escape sequences (CSI, OSC,
/// DCS, …, 7- and 8-bit), control characters and invisible format characters (bidirectional overrides, zero-width)
/// are removed, so the text cannot move the cursor, retitle the window, hide itself or paint the user's terminal.
/// </summary>
public static class TerminalText
{
    private const char Esc = '\u001b';

    /// <summary>The visible text of one line, whitespace collapsed and trimmed.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Esc || c is '\u009b' or '\u009d' or '\u0090' or '\u009e' or '\u009f' or '\u0098')
            {
                i = SkipSequence(text, i);
                continue;
            }

            if (c is '\t' or '\u2028' or '\u2029' || char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>At most <paramref name="max"/> characters, ending in … when cut (never inside a surrogate pair).</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max || max < 2)
        {
            return text.Length <= max ? text : text[..Math.Max(0, max)];
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary>The index of the sequence's last character (the whole rest of the text when it never ends).</summary>
    internal static int SkipSequence(string text, int start)
    {
        var c = text[start];
        var i = start + 1;
        var kind = c == Esc ? (i < text.Length ? text[i++] : '\0') : (char)(c - 0x40);
        switch (kind)
        {
            case '[':
                // CSI: parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
                while (i < text.Length && text[i] is >= ' ' and <= '?')
                {
                    i++;
                }

                return i < text.Length && text[i] is >= '@' and <= '~' ? i : i - 1;
            case ']' or 'P' or 'X' or '^' or '_':
                // OSC, DCS, SOS, PM, APC: a string up to BEL, ST (ESC \) or the 8-bit ST.
                while (i < text.Length)
                {
                    if (text[i] is '\u0007' or '\u009c')
                    {
                        return i;
                    }

                    if (text[i] == Esc && i + 1 < text.Length && text[i + 1] == '\\')
                    {
                        return i + 1;
                    }

                    i++;
                }

                return text.Length - 1;
            default:
                // A two-character escape (ESC c, ESC 7, …), possibly with intermediates (ESC ( B).
                if (c != Esc)
                {
                    return start;
                }

                while (kind is >= ' ' and <= '/' && i < text.Length)
                {
                    kind = text[i++];
                }

                return i - 1;
        }
    }
}
