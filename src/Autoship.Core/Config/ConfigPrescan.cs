using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Autoship.Core.Config;

/// <summary>
/// One pass over the parser's events that enforces <see cref="ConfigLimits"/> before the YAML tree is built:
/// nesting depth, scalar length, and the node count with aliases expanded (an anchor's expanded size is known
/// when it closes, so a "billion laughs" file is refused at the first alias that would cross the limit).
/// Reports the first problem only: after it nothing is parsed.
/// </summary>
internal static class ConfigPrescan
{
    public static bool Check(string yaml, ConfigReader reader)
    {
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                long size;
                switch (parser.Current)
                {
                    case Scalar scalar:
                        if (scalar.Value.Length > ConfigLimits.MaxScalarLength)
                        {
                            return Refuse(reader, scalar.Start, $"value is {scalar.Value.Length} characters long; the limit is {ConfigLimits.MaxScalarLength}");
                        }

                        size = 1;
                        Remember(anchors, scalar.Anchor, size);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out size))
                        {
                            size = 1; // YamlDotNet reports the unknown alias itself, with its position.
                        }

                        break;
                    case NodeEvent node and (MappingStart or SequenceStart):
                        if (open.Count >= ConfigLimits.MaxDepth)
                        {
                            return Refuse(reader, node.Start, $"nesting is deeper than {ConfigLimits.MaxDepth} levels");
                        }

                        open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, 1));
                        total++;
                        continue;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        var (anchor, closed) = open.Pop();
                        if (anchor is not null)
                        {
                            anchors[anchor] = closed;
                        }

                        if (open.Count > 0)
                        {
                            var parent = open.Pop();
                            open.Push(parent with { Size = parent.Size + closed });
                        }

                        continue;
                    default:
                        continue;
                }

                total += size;
                if (total > ConfigLimits.MaxNodes)
                {
                    return Refuse(reader, parser.Current!.Start, $"the document expands to more than {ConfigLimits.MaxNodes} nodes (an alias bomb?): use fewer aliases");
                }

                if (open.Count > 0)
                {
                    var parent = open.Pop();
                    open.Push(parent with { Size = parent.Size + size });
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The real load reports syntax errors with their wording; the scan only guards resources.
            return true;
        }

        return true;
    }

    private static void Remember(Dictionary<string, long> anchors, AnchorName anchor, long size)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = size;
        }
    }

    private static bool Refuse(ConfigReader reader, Mark at, string message)
    {
        reader.Error(at, message);
        return false;
    }
}
