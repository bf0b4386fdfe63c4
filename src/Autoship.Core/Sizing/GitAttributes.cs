namespace Autoship.Core;

/// <summary>
/// The part of a <c>.gitattributes</c> file that sizing needs: which paths are <c>linguist-generated</c>.
/// Lines are read as git reads them: the last matching line that says something about the attribute wins;
/// <c>-linguist-generated</c> or <c>=false</c> unsets it and <c>!linguist-generated</c> makes it unspecified again.
/// </summary>
public sealed class GitAttributes
{
    private const string Generated = "linguist-generated";

    private readonly IReadOnlyList<(string Glob, bool? Value)> _rules;

    private GitAttributes(IReadOnlyList<(string Glob, bool? Value)> rules) => _rules = rules;

    /// <summary>An attributes file that marks nothing.</summary>
    public static GitAttributes Empty { get; } = new([]);

    /// <summary>Parses the text of a <c>.gitattributes</c> file; null or empty text marks nothing.</summary>
    public static GitAttributes Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        var rules = new List<(string, bool?)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("[attr]", StringComparison.Ordinal))
            {
                continue;
            }

            var (pattern, rest) = SplitPattern(line);
            var value = Attribute(rest);
            if (value.Mentioned && ToGlob(pattern) is { } glob)
            {
                rules.Add((glob, value.Value));
            }
        }

        return new GitAttributes(rules);
    }

    /// <summary>Whether <paramref name="path"/> is marked generated.</summary>
    public bool IsGenerated(string path)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            if (GlobMatcher.IsMatch(path, _rules[i].Glob))
            {
                // The last line that mentions the attribute decides; "unspecified" means not generated.
                return _rules[i].Value == true;
            }
        }

        return false;
    }

    private static (string Pattern, string Attributes) SplitPattern(string line)
    {
        if (line.StartsWith('"'))
        {
            var end = line.IndexOf('"', 1);
            while (end > 0 && line[end - 1] == '\\')
            {
                end = line.IndexOf('"', end + 1);
            }

            if (end > 0)
            {
                return (line[1..end].Replace("\\\"", "\"").Replace("\\\\", "\\"), line[(end + 1)..]);
            }
        }

        var space = line.IndexOfAny([' ', '\t']);
        return space < 0 ? (line, string.Empty) : (line[..space], line[space..]);
    }

    private static (bool Mentioned, bool? Value) Attribute(string rest)
    {
        (bool, bool?) result = (false, null);
        foreach (var token in rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == Generated || token == Generated + "=true")
            {
                result = (true, true);
            }
            else if (token == "-" + Generated || token == Generated + "=false")
            {
                result = (true, false);
            }
            else if (token == "!" + Generated)
            {
                result = (true, null);
            }
            else if (token.StartsWith(Generated + "=", StringComparison.Ordinal))
            {
                // Linguist treats any value other than false as set.
                result = (true, true);
            }
        }

        return result;
    }

    private static string? ToGlob(string pattern)
    {
        // Patterns ending in a slash name directories, which git never applies attributes to.
        if (pattern.EndsWith('/'))
        {
            return null;
        }

        // Without a slash the pattern matches the file name at any depth; with one it is relative to the root.
        var anchored = pattern.TrimStart('/');
        return pattern.Contains('/') ? anchored : "**/" + pattern;
    }
}
