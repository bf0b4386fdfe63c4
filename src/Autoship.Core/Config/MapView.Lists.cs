using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

internal sealed partial class MapView
{
    /// <summary>
    /// A list of strings. A bad item becomes <c>""</c> so that indexes still match the file's
    /// <c>key[i]</c> positions for the checks that run later.
    /// </summary>
    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string> fallback, bool required = false)
    {
        if (required && !Require(key))
        {
            return fallback;
        }

        var node = Node(key);
        if (Values.IsNull(node))
        {
            return fallback;
        }

        if (node is not YamlSequenceNode sequence)
        {
            TypeError(node!, "a list of strings");
            return fallback;
        }

        var items = new List<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && !Values.IsNull(item))
            {
                items.Add(value);
            }
            else
            {
                TypeError(item, "a string");
                items.Add(string.Empty);
            }
        }

        return items;
    }

    /// <summary>A list of globs, each checked by <see cref="GlobSyntax"/>.</summary>
    public IReadOnlyList<string> Globs(string key, IReadOnlyList<string> fallback, bool required = false)
    {
        var globs = Strings(key, fallback, required);
        if (Node(key) is YamlSequenceNode sequence)
        {
            for (var i = 0; i < globs.Count && i < sequence.Children.Count; i++)
            {
                if (sequence.Children[i] is YamlScalarNode { Value: { } text } && !Values.IsNull(sequence.Children[i]) && string.IsNullOrWhiteSpace(text))
                {
                    reader.Error(sequence.Children[i], "empty glob: it matches no path (remove it, or write the paths it should match)");
                }
                else if (globs[i].Length > 0 && GlobSyntax.Problem(globs[i]) is { } problem)
                {
                    reader.Error(sequence.Children[i], $"bad glob '{globs[i]}': {problem}");
                }
            }
        }

        return globs;
    }

    public IReadOnlyList<Lane> Lanes(string key)
    {
        var node = Node(key);
        if (Values.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            TypeError(node!, "a list of lanes");
            return [];
        }

        return sequence.Children.Select(item => ReadLane(reader, item, Core.Lane.Safe)).Distinct().ToList();
    }

    /// <summary>The items of a list-valued key (mappings are read by the caller).</summary>
    public IReadOnlyList<YamlNode> Items(string key, bool required = false)
    {
        if (required && !Require(key))
        {
            return [];
        }

        var node = Node(key);
        if (Values.IsNull(node))
        {
            return [];
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        TypeError(node!, "a list");
        return [];
    }
}
