using System.Text;

namespace Autoship.Core;

public sealed partial class GitAttributes
{
    private const string Blank = " \t\r\n";

    private static (string? Pattern, string Words) SplitPattern(string line)
    {
        // A quoted pattern that does not unquote is read like an unquoted one, as attr.c does.
        if (line.StartsWith('"') && Unquote(line) is { Pattern: not null } quoted)
        {
            return quoted;
        }

        var end = line.AsSpan().IndexOfAny(Blank);
        return end < 0 ? (line, string.Empty) : (line[..end], line[end..]);
    }

    // A C-style quoted pattern ("a b", "\"", "\\", "\t", "\303\251"); null when the quote never closes.
    private static (string? Pattern, string Words) Unquote(string line)
    {
        var bytes = new List<byte>();
        for (var i = 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return (Encoding.UTF8.GetString(bytes.ToArray()), line[(i + 1)..]);
            }

            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            if (++i >= line.Length)
            {
                return (null, string.Empty);
            }

            c = line[i];
            if (c is >= '0' and <= '3' && i + 2 < line.Length && line[i + 1] is >= '0' and <= '7' && line[i + 2] is >= '0' and <= '7')
            {
                bytes.Add((byte)(((c - '0') << 6) | ((line[i + 1] - '0') << 3) | (line[i + 2] - '0')));
                i += 2;
                continue;
            }

            byte? escaped = c switch
            {
                'a' => 7, 'b' => 8, 't' => 9, 'n' => 10, 'v' => 11, 'f' => 12, 'r' => 13, '"' => (byte)'"', '\\' => (byte)'\\',
                _ => null,
            };
            if (escaped is not { } b)
            {
                return (null, string.Empty);
            }

            bytes.Add(b);
        }

        return (null, string.Empty);
    }

    // The words after the pattern; null when one is not a valid attribute (git then ignores the whole line).
    private static AttributeSetting[]? Settings(string rest)
    {
        var words = rest.Split(Blank.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        var settings = new AttributeSetting[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            // attr.c parse_attr: the name ends at '='; a leading '-' or '!' decides even when a value follows.
            var word = words[i];
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            var named = eq < 0 ? word : word[..eq];
            var (name, value) = named.Length == 0 ? (named, AttributeValue.Set) : named[0] switch
            {
                '-' => (named[1..], AttributeValue.Unset),
                '!' => (named[1..], AttributeValue.Unspecified),
                _ => (named, eq < 0 ? AttributeValue.Set : AttributeValue.Of(word[(eq + 1)..])),
            };
            if (!ValidName(name))
            {
                return null;
            }

            settings[i] = new AttributeSetting(name, value);
        }

        return settings;
    }

    // attr.c attr_name_valid: letters, digits, '-', '.', '_', not starting with '-'; "builtin_" is reserved.
    private static bool ValidName(string name) =>
        name.Length > 0 && name[0] != '-' && !name.StartsWith("builtin_", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');
}
