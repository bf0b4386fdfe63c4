using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

internal sealed partial class MapView
{
    public string String(string key, string fallback, bool required = false)
    {
        if (required && !Require(key))
        {
            return fallback;
        }

        return NullableString(key) ?? fallback;
    }

    public string? NullableString(string key)
    {
        var node = Node(key);
        if (Values.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        TypeError(node!, "a string");
        return null;
    }

    public bool Bool(string key, bool fallback)
    {
        var node = Node(key);
        if (Values.IsNull(node))
        {
            return fallback;
        }

        if (node is YamlScalarNode scalar && Values.TryBool(scalar, out var value))
        {
            return value;
        }

        TypeError(node!, "true or false");
        return fallback;
    }

    /// <summary>An integer of at least <paramref name="min"/> (limits are positive, counts may be zero).</summary>
    public long Long(string key, long fallback, long min, bool required = false)
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

        if (node is not YamlScalarNode scalar || !Values.TryLong(scalar, out var value))
        {
            TypeError(node!, "an integer");
            return fallback;
        }

        if (value < min)
        {
            reader.Error(node!, min == 1
                ? $"'{key}' must be a positive integer, got {value}"
                : $"'{key}' must be at least {min}, got {value}");
            return fallback;
        }

        return value;
    }

    public int Int(string key, int fallback, int min, bool required = false)
    {
        var value = Long(key, fallback, min, required);
        if (value > int.MaxValue)
        {
            reader.Error(Node(key)!, $"'{key}' is too large, got {value}");
            return fallback;
        }

        return (int)value;
    }

    public TimeSpan Duration(string key, TimeSpan fallback)
    {
        var node = Node(key);
        if (Values.IsNull(node))
        {
            return fallback;
        }

        if (node is YamlScalarNode scalar && Durations.TryParse(scalar.Value, out var value))
        {
            if (value > TimeSpan.Zero)
            {
                return value;
            }

            reader.Error(node, $"'{key}' must be longer than zero, got '{scalar.Value}'");
            return fallback;
        }

        TypeError(node!, "a duration such as 90s, 30m, 2h, 1d or hh:mm:ss");
        return fallback;
    }

    public Lane Lane(string key, Lane fallback, bool required = false)
    {
        if (required && !Require(key))
        {
            return fallback;
        }

        var node = Node(key);
        return Values.IsNull(node) ? fallback : ReadLane(reader, node!, fallback);
    }

    /// <summary>One of <paramref name="choices"/>; anything else is an error with a hint.</summary>
    public string Choice(string key, string fallback, IReadOnlyList<string> choices, string kind)
    {
        var node = Node(key);
        if (Values.IsNull(node))
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } value } && choices.Contains(value))
        {
            return value;
        }

        var text = (node as YamlScalarNode)?.Value ?? ConfigReader.Describe(node!);
        reader.Error(node!, $"unknown {kind} '{text}' (expected one of: {string.Join(", ", choices)}){Spelling.Hint(text, choices)}");
        return fallback;
    }

    public static Lane ReadLane(ConfigReader reader, YamlNode node, Lane fallback)
    {
        var text = (node as YamlScalarNode)?.Value;
        switch (text)
        {
            case "safe": return Core.Lane.Safe;
            case "staging": return Core.Lane.Staging;
            case "human": return Core.Lane.Human;
        }

        var shown = text ?? ConfigReader.Describe(node);
        reader.Error(node, $"unknown lane '{shown}' (expected safe, staging or human){Spelling.Hint(shown, ConfigKeys.Lanes)}");
        return fallback;
    }
}
