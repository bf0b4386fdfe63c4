using System.Text.Json;

namespace Autoship.Core.Config;

/// <summary>Defaults written as compact JSON, the one form the schema and the README show.</summary>
internal static class KeyJson
{
    public static string Of(string? value) => value is null ? "null" : JsonSerializer.Serialize(value, Options);

    public static string Of(bool value) => value ? "true" : "false";

    public static string Of(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(IReadOnlyList<string> values) => "[" + string.Join(",", values.Select(Of)) + "]";

    public static string Of(IReadOnlyList<Lane> values) => Of(values.Select(l => l.Name()).ToList());

    public static string Of(Lane lane) => Of(lane.Name());

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
