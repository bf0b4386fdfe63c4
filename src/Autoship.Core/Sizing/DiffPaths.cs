using System.Text;

namespace Autoship.Core;

/// <summary>Paths as git writes them in diff headers: optionally C-quoted, with <c>a/</c> and <c>b/</c> prefixes.</summary>
public static class DiffPaths
{
    public const string DevNull = "/dev/null";

    /// <summary>The path of a <c>---</c> or <c>+++</c> line, without prefix; null for <c>/dev/null</c>.</summary>
    public static string? FromMarker(string text)
    {
        var (path, _) = ReadOne(text);

        // Plain diffs may append a tab and a timestamp.
        var tab = path.IndexOf('\t');
        if (tab >= 0 && !text.StartsWith('"'))
        {
            path = path[..tab];
        }

        return path == DevNull ? null : StripPrefix(path);
    }

    /// <summary>The two paths of a <c>diff --git a/x b/y</c> line.</summary>
    public static (string? Old, string? New) FromGitHeader(string text)
    {
        if (text.StartsWith('"'))
        {
            var (first, rest) = ReadOne(text);
            var (second, _) = ReadOne(rest.TrimStart());
            return (StripPrefix(first), StripPrefix(second));
        }

        // Unquoted names may contain " b/"; prefer the split where both halves name the same file.
        var candidates = new List<int>();
        for (var at = text.IndexOf(" b/", StringComparison.Ordinal); at >= 0; at = text.IndexOf(" b/", at + 1, StringComparison.Ordinal))
        {
            candidates.Add(at);
        }

        if (candidates.Count == 0)
        {
            var space = text.IndexOf(' ');
            return space < 0 ? (text, text) : (text[..space], text[(space + 1)..]);
        }

        foreach (var at in candidates)
        {
            var a = StripPrefix(text[..at]);
            var b = StripPrefix(text[(at + 1)..]);
            if (a == b)
            {
                return (a, b);
            }
        }

        return (StripPrefix(text[..candidates[0]]), StripPrefix(text[(candidates[0] + 1)..]));
    }

    /// <summary>A path on a <c>rename from</c>-style line (possibly quoted, never prefixed).</summary>
    public static string Plain(string text) => ReadOne(text).Path;

    private static string StripPrefix(string path) =>
        path.Length > 2 && (path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal)) ? path[2..] : path;

    private static (string Path, string Remainder) ReadOne(string text)
    {
        if (!text.StartsWith('"'))
        {
            return (text, string.Empty);
        }

        var bytes = new List<byte>();
        var i = 1;
        for (; i < text.Length && text[i] != '"'; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }

            var c = text[++i];
            if (c is >= '0' and <= '7' && i + 2 < text.Length)
            {
                // Git writes non-ASCII bytes as three octal digits.
                bytes.Add(Convert.ToByte(text.Substring(i, 3), 8));
                i += 2;
                continue;
            }

            bytes.Add((byte)(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', _ => c }));
        }

        var rest = i + 1 < text.Length ? text[(i + 1)..] : string.Empty;
        return (Encoding.UTF8.GetString([.. bytes]), rest);
    }
}
