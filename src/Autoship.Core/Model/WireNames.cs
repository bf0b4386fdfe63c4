using System.Reflection;
using System.Text.Json.Serialization;

namespace Autoship.Core;

/// <summary>
/// The one mapping between a closed vocabulary (an enum) and the text it is stored and shown as: each member's
/// <see cref="JsonStringEnumMemberNameAttribute"/> (the JSON serializers read the same attribute), or its name.
/// </summary>
public static class WireNames
{
    /// <summary>The wire text of <paramref name="value"/> (what comments, store rows, events and JSON carry).</summary>
    public static string Wire<T>(this T value)
        where T : struct, Enum =>
        Table<T>.Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");

    /// <summary>The member whose wire text is <paramref name="text"/> (exact match), or false.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        if (text is not null && Table<T>.Values.TryGetValue(text, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every member with its wire text, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Table<T>.Ordered;

    private static class Table<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name).ToList();

        public static readonly Dictionary<T, string> Names = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (T)f.GetValue(null)!, f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

        public static readonly Dictionary<string, T> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
