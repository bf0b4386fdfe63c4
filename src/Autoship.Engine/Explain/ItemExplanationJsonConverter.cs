using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Autoship.Engine.Explain;

/// <summary>Writes an <see cref="ItemExplanation"/> as one flat object: the view's properties, <c>summary</c> right after <c>phase</c>, then history, runs and failure.</summary>
public sealed class ItemExplanationJsonConverter : JsonConverter<ItemExplanation>
{
    public override ItemExplanation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("an item explanation is output only");

    public override void Write(Utf8JsonWriter writer, ItemExplanation value, JsonSerializerOptions options)
    {
        var view = JsonSerializer.SerializeToNode(value.View, options)!.AsObject();
        var phase = Name(nameof(value.View.Phase), options);
        writer.WriteStartObject();
        foreach (var (name, node) in view)
        {
            writer.WritePropertyName(name);
            Write(writer, node, options);
            if (name == phase)
            {
                writer.WritePropertyName(Name(nameof(value.Summary), options));
                writer.WriteStringValue(value.Summary);
            }
        }

        writer.WritePropertyName(Name(nameof(value.History), options));
        JsonSerializer.Serialize(writer, value.History, options);
        writer.WritePropertyName(Name(nameof(value.Runs), options));
        JsonSerializer.Serialize(writer, value.Runs, options);
        writer.WritePropertyName(Name(nameof(value.Failure), options));
        JsonSerializer.Serialize(writer, value.Failure, options);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, JsonSerializerOptions options)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer, options);
        }
    }

    private static string Name(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
