using System.Text.Json.Nodes;

namespace Autoship.Agents.Tests.FakeModel;

/// <summary>Anthropic Messages (<c>POST /v1/messages</c>), streamed as message_start … message_stop or whole.</summary>
internal static class Anthropic
{
    public static IReadOnlyList<OfferedTool> Tools(JsonObject body) =>
        (body["tools"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => t["name"] is not null)
            .Select(t => new OfferedTool(t["name"]!.GetValue<string>(), t["input_schema"] as JsonObject)).ToList();

    public static bool HasToolResult(JsonObject body) =>
        (body["messages"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(m => m["content"] is JsonArray parts && parts.OfType<JsonObject>().Any(p => p["type"]?.GetValue<string>() == "tool_result"));

    public static FakeReply Reply(JsonObject body, (string? Text, ToolCall? Call) decision)
    {
        var model = body["model"]?.GetValue<string>() ?? "fake-model";
        var usage = new JsonObject { ["input_tokens"] = 120, ["output_tokens"] = 30, ["cache_read_input_tokens"] = 0, ["cache_creation_input_tokens"] = 0 };
        var stop = decision.Call is null ? "end_turn" : "tool_use";
        JsonObject block = decision.Call is { } call
            ? new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_fake1", ["name"] = call.Name, ["input"] = call.Arguments.DeepClone() }
            : new JsonObject { ["type"] = "text", ["text"] = decision.Text };
        if (!Protocols.Stream(body))
        {
            return new FakeReply(200, new JsonObject
            {
                ["id"] = "msg_fake1", ["type"] = "message", ["role"] = "assistant", ["model"] = model,
                ["content"] = new JsonArray(block), ["stop_reason"] = stop, ["stop_sequence"] = null, ["usage"] = usage,
            }.ToJsonString(), false);
        }

        JsonObject start = decision.Call is { } c
            ? new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_fake1", ["name"] = c.Name, ["input"] = new JsonObject() }
            : new JsonObject { ["type"] = "text", ["text"] = string.Empty };
        JsonObject delta = decision.Call is { } d
            ? new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = d.Arguments.ToJsonString() }
            : new JsonObject { ["type"] = "text_delta", ["text"] = decision.Text };
        var events = new[]
        {
            new JsonObject
            {
                ["type"] = "message_start",
                ["message"] = new JsonObject
                {
                    ["id"] = "msg_fake1", ["type"] = "message", ["role"] = "assistant", ["model"] = model, ["content"] = new JsonArray(),
                    ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = new JsonObject { ["input_tokens"] = 120, ["output_tokens"] = 1 },
                },
            },
            new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = start },
            new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = delta },
            new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 },
            new JsonObject { ["type"] = "message_delta", ["delta"] = new JsonObject { ["stop_reason"] = stop, ["stop_sequence"] = null }, ["usage"] = new JsonObject { ["output_tokens"] = 30 } },
            new JsonObject { ["type"] = "message_stop" },
        };
        return new FakeReply(200, Protocols.Sse(events), true);
    }
}
