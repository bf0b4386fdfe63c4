using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

/// <summary>
/// One YAML mapping read against its list of known keys. Each accessor returns the documented
/// default when the key is missing (or null) and records an error when the value has the wrong type.
/// </summary>
internal sealed partial class MapView
{
    private readonly ConfigReader reader;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);
    private readonly YamlDotNet.Core.Mark start;

    private MapView(ConfigReader reader, string path, string what, YamlDotNet.Core.Mark start)
    {
        this.reader = reader;
        Path = path;
        What = what;
        this.start = start;
    }

    /// <summary>The dotted path of this mapping (e.g. <c>agents[2].runner</c>), used for positions.</summary>
    public string Path { get; }

    /// <summary>How errors name this mapping (e.g. <c>agent 'qa'</c>).</summary>
    public string What { get; }

    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries => entries.Values;

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping. A missing or null node gives an empty view (all defaults);
    /// any other non-mapping is an error and also gives an empty view, so reading can go on.
    /// </summary>
    public static MapView Open(ConfigReader reader, YamlNode? node, ConfigSection section, string? path = null, string? what = null)
    {
        var at = path ?? section.Path;
        return Open(reader, node, at, what ?? (at.Length > 0 ? at : "the configuration"), section.KeyNames);
    }

    public static MapView Open(ConfigReader reader, YamlNode? node, string path, string what, IReadOnlyList<string>? knownKeys)
    {
        var view = new MapView(reader, path, what, node?.Start ?? reader.At(path));
        if (Values.IsNull(node))
        {
            return view;
        }

        if (node is not YamlMappingNode mapping)
        {
            reader.Error(node!, $"expected a mapping for {what}, got {ConfigReader.Describe(node!)}");
            return view;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
            {
                reader.Error(key, $"keys in {what} must be plain names");
                continue;
            }

            if (knownKeys is not null && !knownKeys.Contains(name))
            {
                reader.Error(key, $"unknown key '{name}' in {what}{Spelling.Hint(name, knownKeys)}");
                continue;
            }

            view.entries[name] = (scalar, value);
        }

        return view;
    }

    /// <summary>A view of nothing: every key reads its default (how <see cref="ConfigDefaults"/> is made).</summary>
    public static MapView Empty() => new(new ConfigReader("defaults"), string.Empty, "defaults", YamlDotNet.Core.Mark.Empty);

    /// <summary>The key is written, even if its value is null (null can mean "none", unlike a missing key).</summary>
    public bool Present(string key) => entries.ContainsKey(key);

    public bool Has(string key) => entries.TryGetValue(key, out var e) && !Values.IsNull(e.Value);

    public YamlNode? Node(string key) => entries.TryGetValue(key, out var e) ? e.Value : null;

    /// <summary>An error at <paramref name="key"/>'s value (or this mapping when it is not written).</summary>
    public void Error(string key, string message) => reader.ErrorAt(key.Length == 0 ? Path : Child(key), message);

    public string Child(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>Records "missing required key" when <paramref name="key"/> is absent or null.</summary>
    public bool Require(string key)
    {
        if (Has(key))
        {
            return true;
        }

        if (entries.TryGetValue(key, out var e))
        {
            reader.Error(e.Value, $"'{key}' in {What} may not be null");
        }
        else
        {
            reader.Error(start, $"missing required key '{key}' in {What}");
        }

        return false;
    }

    private void TypeError(YamlNode node, string expected) =>
        reader.Error(node, $"expected {expected}, got {ConfigReader.Describe(node)}");
}
