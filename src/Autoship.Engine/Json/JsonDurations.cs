using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Autoship.Engine.Json;

/// <summary>
/// The one duration format of every JSON output (<c>--json</c> and <c>/api/*</c>): a number of seconds (at most three
/// decimals) under a key that ends in <c>Seconds</c> — a <see cref="TimeSpan"/> property <c>duration</c> is written
/// <c>"durationSeconds": 90.5</c>, never <c>"00:01:30.5"</c>.
/// </summary>
public static class JsonDurations
{
    public const string Suffix = "Seconds";

    /// <summary>Makes <paramref name="options"/> write every <see cref="TimeSpan"/> as seconds, under a <c>…Seconds</c> key.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new SecondsConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Rename);
        return options;
    }

    /// <summary>Seconds as JSON shows them.</summary>
    public static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);

    private static void Rename(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if ((property.PropertyType == typeof(TimeSpan) || property.PropertyType == typeof(TimeSpan?))
                && !property.Name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            {
                property.Name += Suffix;
            }
        }
    }

    private sealed class SecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => TimeSpan.FromSeconds(reader.GetDouble()),
            // What older versions wrote ("00:01:30") still reads.
            JsonTokenType.String when TimeSpan.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out var old) => old,
            _ => throw new JsonException("a duration is a number of seconds"),
        };

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteNumberValue(Seconds(value));
    }
}
