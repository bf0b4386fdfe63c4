using System.Text.Json.Nodes;

namespace Autoship.Agents.Tests.FakeModel;

/// <summary>Gemini <c>models/M:generateContent</c> and <c>:streamGenerateContent?alt=sse</c> (gemini and qwen CLIs).</summary>
internal static class Gemini
{
    public static IReadOnlyList<OfferedTool> Tools(JsonObject body) =>
        (body["tools"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(t => (t["functionDeclarations"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(f => f["name"] is not null)
            .Select(f => new OfferedTool(f["name"]!.GetValue<string>(), (f["parametersJsonSchema"] ?? f["parameters"]) as JsonObject)).ToList();

    public static bool HasToolResult(JsonObject body) =>
        (body["contents"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => c["parts"] is JsonArray parts && parts.OfType<JsonObject>().Any(p => p["functionResponse"] is not null));

    public static FakeReply Reply(bool stream, (string? Text, ToolCall? Call) decision)
    {
        JsonObject part = decision.Call is { } call
            ? new JsonObject { ["functionCall"] = new JsonObject { ["name"] = call.Name, ["args"] = call.Arguments.DeepClone() } }
            : new JsonObject { ["text"] = decision.Text };
        var response = new JsonObject
        {
            ["candidates"] = new JsonArray(new JsonObject { ["content"] = new JsonObject { ["role"] = "model", ["parts"] = new JsonArray(part) }, ["finishReason"] = "STOP", ["index"] = 0 }),
            ["usageMetadata"] = new JsonObject { ["promptTokenCount"] = 150, ["candidatesTokenCount"] = 40, ["totalTokenCount"] = 190 },
            ["modelVersion"] = "fake-model",
        };
        return stream ? new FakeReply(200, "data: " + response.ToJsonString() + "\r\n\r\n", true) : new FakeReply(200, response.ToJsonString(), false);
    }
}
