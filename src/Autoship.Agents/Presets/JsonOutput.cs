using System.Text.Json;

namespace Autoship.Agents;

/// <summary>Reads CLIs' JSON and JSON-lines output leniently (non-JSON lines, e.g. warnings, are skipped).</summary>
internal static class JsonOutput
{
    /// <summary>Every JSON object in <paramref name="stdout"/>: the whole text if it is one, else one per line.</summary>
    public static IEnumerable<JsonElement> Objects(string stdout)
    {
        if (TryParse(stdout.Trim()) is { } whole)
        {
            if (whole.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in whole.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                {
                    yield return e;
                }
            }
            else
            {
                yield return whole;
            }

            yield break;
        }

        foreach (var line in stdout.Split('\n'))
        {
            if (line.TrimStart().StartsWith('{') && TryParse(line) is { ValueKind: JsonValueKind.Object } o)
            {
                yield return o;
            }
        }
    }

    public static JsonElement? LastObject(string stdout, Func<JsonElement, bool> match) =>
        Objects(stdout).Where(match).Select(e => (JsonElement?)e).LastOrDefault();

    public static long? Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : null;

    private static JsonElement? TryParse(string text)
    {
        if (text.Length == 0 || (text[0] != '{' && text[0] != '['))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
