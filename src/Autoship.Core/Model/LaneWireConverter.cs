using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoship.Core;

/// <summary>A lane as its name (<c>safe</c>, <c>staging</c>, <c>human</c>); reads letters too, and anything else as no lane.</summary>
public sealed class LaneWireConverter : JsonConverter<Lane?>
{
    public override bool HandleNull => true;

    public override Lane? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && LaneNames.TryParse(reader.GetString(), out var lane) ? lane : null;

    public override void Write(Utf8JsonWriter writer, Lane? value, JsonSerializerOptions options)
    {
        if (value is { } lane)
        {
            writer.WriteStringValue(lane.Name());
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
