using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autoship.Engine.Json;

namespace Autoship.Cli.Reporting;

/// <summary>
/// One JSON object per command on stdout: camelCase, enums as lower-case strings, durations as seconds under a
/// <c>…Seconds</c> key (<see cref="JsonDurations"/>), and 7-bit ASCII (<see cref="AsciiJson"/>: the relaxed encoder
/// keeps <c>+ &lt; ' &amp;</c> readable, the escape turns everything non-ASCII into <c>\uXXXX</c>).
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = JsonDurations.Apply(new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Serializes <paramref name="value"/> in this style: the text every <c>--json</c> prints.</summary>
    public static string Serialize(object? value, JsonSerializerOptions? options = null) =>
        AsciiJson.Escape(JsonSerializer.Serialize(value, options ?? Options));
}
