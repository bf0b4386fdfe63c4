using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Autoship.Agents;

namespace Autoship.Engine.Store;

/// <summary>
/// Reads and writes a <see cref="StoredRun"/> as one flat object: the <see cref="RunRecord"/>'s own properties (its
/// command line joined into one string, as <c>--json</c> and the API always showed it; <c>usage</c> only when the CLI
/// reported some; <c>egressRefused</c> only when the egress proxy refused something), with <c>repository</c> after <c>id</c>, then <c>outcome</c> and the computed <c>durationSeconds</c> (the one duration format of JSON: <see cref="Json.JsonDurations"/>).
/// </summary>
public sealed class StoredRunJsonConverter : JsonConverter<StoredRun>
{
    public override StoredRun Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader)?.AsObject() ?? throw new JsonException("a stored run must be a JSON object");
        string Take(string property)
        {
            var name = Name(property, options);
            var value = node[name]?.GetValue<string>() ?? throw new JsonException($"a stored run needs \"{name}\"");
            node.Remove(name);
            return value;
        }

        var repository = Take(nameof(StoredRun.Repository));
        var outcome = Take(nameof(StoredRun.Outcome));
        // Computed from the run's times: what older versions wrote ("duration": "00:01:30") is dropped too.
        node.Remove(Name(nameof(StoredRun.Duration), options));
        node.Remove(Name(nameof(StoredRun.Duration), options) + Json.JsonDurations.Suffix);
        var commandLine = Name(nameof(RunRecord.CommandLine), options);
        node[commandLine] = new JsonArray((node[commandLine]?.GetValue<string>() ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        var run = node.Deserialize<RunRecord>(options) ?? throw new JsonException("a stored run needs the run's fields");
        return new StoredRun(repository, run, outcome);
    }

    public override void Write(Utf8JsonWriter writer, StoredRun value, JsonSerializerOptions options)
    {
        var run = JsonSerializer.SerializeToElement(value.Run, options);
        var id = Name(nameof(RunRecord.Id), options);
        var commandLine = Name(nameof(RunRecord.CommandLine), options);
        var usage = Name(nameof(RunRecord.Usage), options);
        var egress = Name(nameof(RunRecord.EgressRefused), options);
        writer.WriteStartObject();
        foreach (var property in run.EnumerateObject())
        {
            if ((property.Name == usage && property.Value.ValueKind == JsonValueKind.Null)
                || (property.Name == egress && property.Value.GetArrayLength() == 0))
            {
                continue;
            }

            if (property.Name == commandLine)
            {
                writer.WriteString(property.Name, string.Join(' ', value.Run.CommandLine));
            }
            else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                property.WriteTo(writer);
            }
            else
            {
                // A scalar's own text: the writer would escape what the serializer wrote plainly (the '+' of a date).
                writer.WritePropertyName(property.Name);
                writer.WriteRawValue(property.Value.GetRawText(), skipInputValidation: true);
            }

            if (property.Name == id)
            {
                writer.WriteString(Name(nameof(StoredRun.Repository), options), value.Repository);
            }
        }

        writer.WriteString(Name(nameof(StoredRun.Outcome), options), value.Outcome);
        writer.WriteNumber(Name(nameof(StoredRun.Duration), options) + Json.JsonDurations.Suffix, Json.JsonDurations.Seconds(value.Duration));
        writer.WriteEndObject();
    }

    private static string Name(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
