using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoship.Core.Planning;

/// <summary>Reads and writes the hidden JSON block that keeps <see cref="ItemMemory"/> in the item's Autoship comment.</summary>
public static class ItemMemoryCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Encode(ItemMemory memory) => HiddenJson.Encode("memory", memory, Json);

    /// <summary>The memory in a comment body, or null when there is none or it does not parse (then the item starts afresh).</summary>
    /// <remarks>
    /// The forge returns only the comment Autoship's own identity wrote; still, a count read back is clamped so no
    /// text can buy retries: a negative attempt reads as none made.
    /// </remarks>
    public static ItemMemory? Decode(string? commentBody) =>
        HiddenJson.Decode<ItemMemory>("memory", commentBody, Json) is { } memory
            ? memory with { Attempt = Math.Max(0, memory.Attempt), Reasons = memory.Reasons ?? [] }
            : null;
}
