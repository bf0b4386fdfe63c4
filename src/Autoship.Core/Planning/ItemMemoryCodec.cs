using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoship.Core.Planning;

/// <summary>Reads and writes the hidden JSON block that keeps <see cref="ItemMemory"/> in the item's Autoship comment.</summary>
public static class ItemMemoryCodec
{
    private const string Open = "<!-- autoship:memory ";
    private const string Close = " -->";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Encode(ItemMemory memory) => Open + JsonSerializer.Serialize(memory, Json).Replace("--", "\\u002d\\u002d", StringComparison.Ordinal) + Close;

    /// <summary>The memory in a comment body, or null when there is none or it does not parse (then the item starts afresh).</summary>
    public static ItemMemory? Decode(string? commentBody)
    {
        if (commentBody is null)
        {
            return null;
        }

        var start = commentBody.IndexOf(Open, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Open.Length;
        var end = commentBody.IndexOf(Close, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ItemMemory>(commentBody[start..end], Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
