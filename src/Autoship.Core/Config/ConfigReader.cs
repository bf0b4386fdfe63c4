using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

/// <summary>
/// Collects every error with its position and remembers where each part of the file came from,
/// so the semantic checks that run after mapping can still point at a line and column.
/// </summary>
internal sealed class ConfigReader(string file)
{
    private readonly List<ConfigError> errors = [];
    private readonly Dictionary<string, Mark> positions = new(StringComparer.Ordinal);

    public IReadOnlyList<ConfigError> Errors => errors;

    public void Error(Mark at, string message) =>
        errors.Add(new ConfigError(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), message));

    public void Error(YamlNode node, string message) => Error(node.Start, message);

    /// <summary>An error at the node recorded for <paramref name="path"/>, or its nearest recorded parent.</summary>
    public void ErrorAt(string path, string message) => Error(At(path), message);

    /// <summary>Whether the file itself wrote something at <paramref name="path"/> (rather than a default filling in).</summary>
    public bool Wrote(string path) => positions.ContainsKey(path);

    public Mark At(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (positions.TryGetValue(p, out var mark))
            {
                return mark;
            }
        }

        return positions.TryGetValue(string.Empty, out var root) ? root : Mark.Empty;
    }

    /// <summary>Records the position of every node under <paramref name="node"/>: <c>a.b[2]</c> for values, <c>a.b#key</c> for keys.</summary>
    public void Index(YamlNode node, string path)
    {
        positions.TryAdd(path, node.Start);
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        var child = path.Length == 0 ? name : path + "." + name;
                        positions.TryAdd(child + "#key", key.Start);
                        Index(value, child);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Index(sequence.Children[i], $"{path}[{i}]");
                }

                break;
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s when Values.IsNull(s) => "null",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    private static string Parent(string path)
    {
        if (path.EndsWith("#key", StringComparison.Ordinal))
        {
            return path[..^4];
        }

        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
