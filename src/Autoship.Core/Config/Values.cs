using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

/// <summary>YAML 1.2 core-schema readings of scalars (null, booleans, integers).</summary>
internal static class Values
{
    public static bool IsNull(YamlNode? node) =>
        node is null ||
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static bool TryBool(YamlScalarNode node, out bool value)
    {
        switch (node.Value)
        {
            case "true" or "True" or "TRUE": value = true; return true;
            case "false" or "False" or "FALSE": value = false; return true;
            default: value = false; return false;
        }
    }

    public static bool TryLong(YamlScalarNode node, out long value) =>
        long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
