using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoship.Engine.Executors;

/// <summary>The one JSON shape of job files, the ledger and artifacts (enums as camel-case strings).</summary>
public static class JobJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string text)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically (temporary file, then rename): a reader never sees half a file.</summary>
    public static void WriteFile<T>(string path, T value)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, Write(value));
        File.Move(temporary, path, overwrite: true);
    }
}
