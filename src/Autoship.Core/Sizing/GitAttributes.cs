namespace Autoship.Core;

/// <summary>
/// A repository's <c>.gitattributes</c> files (the root's and those of subdirectories), read as git reads them (gitattributes(5), attr.c), so that Autoship and
/// <c>git check-attr</c> agree: the last matching line decides each attribute (within a line the last mention),
/// <c>attr</c> sets, <c>-attr</c> unsets, <c>attr=value</c> gives a value, <c>!attr</c> makes it unspecified again;
/// <c>[attr]name …</c> macros (and the built-in <c>binary</c>) expand where they are set; negative patterns
/// (<c>!pattern</c>) and lines of 2048 characters or more are ignored, as git ignores them; a pattern ending in
/// <c>/</c> names a directory, which attributes never reach through; a subdirectory's file matches paths relative to
/// it and decides before the files above it. Sizing asks <see cref="IsGenerated"/>.
/// </summary>
public sealed partial class GitAttributes
{
    private const string Generated = "linguist-generated";
    private const int MaxLineLength = 2048;

    private static readonly AttributeSetting[] Binary =
    [
        new("diff", AttributeValue.Unset), new("merge", AttributeValue.Unset), new("text", AttributeValue.Unset),
    ];

    // Deepest directory first: git's attribute stack, walked from the top.
    private readonly IReadOnlyList<AttributeFrame> _frames;
    private readonly IReadOnlyDictionary<string, AttributeSetting[]> _macros;

    private GitAttributes(IReadOnlyList<AttributeFrame> frames, IReadOnlyDictionary<string, AttributeSetting[]> macros)
    {
        _frames = frames;
        _macros = macros;
    }

    /// <summary>An attributes file that marks nothing.</summary>
    public static GitAttributes Empty { get; } = new([], new Dictionary<string, AttributeSetting[]> { ["binary"] = Binary });

    // A tick classifies every PR against the one snapshot's files: parsed once per instance, not once per PR.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GitAttributeFiles, GitAttributes> Parsed = [];

    /// <summary><see cref="Parse(GitAttributeFiles)"/>, once per <paramref name="files"/> instance (they are immutable).</summary>
    public static GitAttributes Of(GitAttributeFiles files) => Parsed.GetValue(files, Parse);

    /// <summary>Parses the text of a root <c>.gitattributes</c> file; null or empty text marks nothing.</summary>
    public static GitAttributes Parse(string? text) => Parse(GitAttributeFiles.Root(text));

    /// <summary>
    /// Parses every <c>.gitattributes</c> of a tree as git stacks them: a file's patterns are relative to its
    /// directory, a deeper file decides before a shallower one, and <c>[attr]</c> macros count only in the root file
    /// (git refuses them elsewhere: "not allowed").
    /// </summary>
    public static GitAttributes Parse(GitAttributeFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.ByDirectory.Count == 0)
        {
            return Empty;
        }

        var macros = new Dictionary<string, AttributeSetting[]>(StringComparer.Ordinal) { ["binary"] = Binary };
        var frames = new List<AttributeFrame>();
        foreach (var (directory, text) in files.ByDirectory.OrderByDescending(f => Depth(f.Key)).ThenBy(f => f.Key, StringComparer.Ordinal))
        {
            var rules = ParseRules(text, directory.Length == 0 ? macros : null);
            if (rules.Count > 0)
            {
                frames.Add(new AttributeFrame(directory.Trim('/'), rules));
            }
        }

        return frames.Count == 0 && macros.Count == 1 ? Empty : new GitAttributes(frames, macros);
    }

    private static int Depth(string directory) => directory.Length == 0 ? 0 : directory.Count(c => c == '/') + 1;

    // One file's pattern lines in order; macro definitions go to macros, or are dropped when it is null (not the root).
    private static List<AttributeRule> ParseRules(string? text, Dictionary<string, AttributeSetting[]>? macros)
    {
        var rules = new List<AttributeRule>();
        if (string.IsNullOrEmpty(text))
        {
            return rules;
        }

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
                if (macros is not null && ValidName(name))
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

        return rules;
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
        foreach (var frame in _frames)
        {
            if (frame.Relative(path) is not { } relative)
            {
                continue;
            }

            for (var i = frame.Rules.Count - 1; i >= 0; i--)
            {
                if (frame.Rules[i].Pattern.Matches(relative))
                {
                    Fill(frame.Rules[i].Settings, decided, 0);
                }
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
