namespace Autoship.Core;

/// <summary>
/// A repository's root <c>.gitattributes</c>, read as git reads it (gitattributes(5), attr.c), so that Autoship and
/// <c>git check-attr</c> agree: the last matching line decides each attribute (within a line the last mention),
/// <c>attr</c> sets, <c>-attr</c> unsets, <c>attr=value</c> gives a value, <c>!attr</c> makes it unspecified again;
/// <c>[attr]name …</c> macros (and the built-in <c>binary</c>) expand where they are set; negative patterns
/// (<c>!pattern</c>) and lines of 2048 characters or more are ignored, as git ignores them; a pattern ending in
/// <c>/</c> names a directory, which attributes never reach through. Sizing asks <see cref="IsGenerated"/>.
/// </summary>
public sealed partial class GitAttributes
{
    private const string Generated = "linguist-generated";
    private const int MaxLineLength = 2048;

    private static readonly AttributeSetting[] Binary =
    [
        new("diff", AttributeValue.Unset), new("merge", AttributeValue.Unset), new("text", AttributeValue.Unset),
    ];

    private readonly IReadOnlyList<AttributeRule> _rules;
    private readonly IReadOnlyDictionary<string, AttributeSetting[]> _macros;

    private GitAttributes(IReadOnlyList<AttributeRule> rules, IReadOnlyDictionary<string, AttributeSetting[]> macros)
    {
        _rules = rules;
        _macros = macros;
    }

    /// <summary>An attributes file that marks nothing.</summary>
    public static GitAttributes Empty { get; } = new([], new Dictionary<string, AttributeSetting[]> { ["binary"] = Binary });

    /// <summary>Parses the text of a <c>.gitattributes</c> file; null or empty text marks nothing.</summary>
    public static GitAttributes Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        var rules = new List<AttributeRule>();
        var macros = new Dictionary<string, AttributeSetting[]>(StringComparer.Ordinal) { ["binary"] = Binary };
        foreach (var line in text.TrimStart('\uFEFF').Split('\n'))
        {
            if (line.Length >= MaxLineLength / 4 && System.Text.Encoding.UTF8.GetByteCount(line) >= MaxLineLength)
            {
                continue;
            }

            var start = line.AsSpan().IndexOfAnyExcept(Blank);
            if (start < 0 || line[start] == '#')
            {
                continue;
            }

            var (pattern, rest) = SplitPattern(line[start..]);
            if (pattern is null || Settings(rest) is not { } settings)
            {
                continue;
            }

            if (pattern.StartsWith("[attr]", StringComparison.Ordinal))
            {
                var name = pattern["[attr]".Length..];
                if (ValidName(name))
                {
                    // A later definition replaces an earlier one (and the built-in binary).
                    macros[name] = settings;
                }
            }
            else if (AttributePattern.Parse(pattern) is { } compiled)
            {
                rules.Add(new AttributeRule(compiled, settings));
            }
        }

        return new GitAttributes(rules, macros);
    }

    /// <summary>Whether <paramref name="path"/> is marked generated: Linguist counts any value but <c>false</c> as set.</summary>
    public bool IsGenerated(string path) => Value(path, Generated) switch
    {
        { Kind: AttributeKind.Set } => true,
        { Kind: AttributeKind.Value, Text: var v } => !string.Equals(v, "false", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The state of <paramref name="attribute"/> for the file <paramref name="path"/> (relative to the root, '/'-separated), as <c>git check-attr</c> reports it.</summary>
    public AttributeValue Value(string path, string attribute)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(attribute);
        var decided = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            if (_rules[i].Pattern.Matches(path))
            {
                Fill(_rules[i].Settings, decided, 0);
            }
        }

        return decided.GetValueOrDefault(attribute, AttributeValue.Unspecified);
    }

    // git's fill_one: right to left, the first word that decides an attribute wins; a macro that ends up set expands
    // into the attributes still undecided at that point.
    private void Fill(AttributeSetting[] settings, Dictionary<string, AttributeValue> decided, int depth)
    {
        for (var i = settings.Length - 1; i >= 0; i--)
        {
            var (name, value) = settings[i];
            if (decided.TryAdd(name, value) && value.Kind == AttributeKind.Set && depth < 64 && _macros.TryGetValue(name, out var macro))
            {
                Fill(macro, decided, depth + 1);
            }
        }
    }
}
