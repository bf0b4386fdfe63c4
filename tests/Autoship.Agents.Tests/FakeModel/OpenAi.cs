using System.Text.Json.Nodes;

namespace Autoship.Agents.Tests.FakeModel;

/// <summary>OpenAI Responses (<c>POST /responses</c>, what codex speaks) and Chat Completions (<c>POST /chat/completions</c>).</summary>
internal static class OpenAi
{
    public static IReadOnlyList<OfferedTool> ResponseTools(JsonObject body) =>
        (body["tools"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => t["name"] is not null)
            .Select(t => new OfferedTool(t["name"]!.GetValue<string>(), t["parameters"] as JsonObject)).ToList();

    public static bool ResponsesHaveToolResult(JsonObject body) =>
        (body["input"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(i => i["type"]?.GetValue<string>() is "function_call_output" or "custom_tool_call_output" or "local_shell_call_output");

    public static IReadOnlyList<OfferedTool> ChatTools(JsonObject body) =>
        (body["tools"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => t["function"]?["name"] is not null)
            .Select(t => new OfferedTool(t["function"]!["name"]!.GetValue<string>(), t["function"]!["parameters"] as JsonObject)).ToList();

    public static bool ChatHasToolResult(JsonObject body) =>
        (body["messages"] as JsonArray ?? []).OfType<JsonObject>().Any(m => m["role"]?.GetValue<string>() == "tool");

    public static FakeReply Responses(JsonObject body, (string? Text, ToolCall? Call) decision)
    {
        JsonObject item = decision.Call is { } call
            ? new JsonObject { ["type"] = "function_call", ["id"] = "fc_fake1", ["call_id"] = "call_fake1", ["name"] = call.Name, ["arguments"] = call.Arguments.ToJsonString(), ["status"] = "completed" }
            : new JsonObject
            {
                ["type"] = "message", ["id"] = "msg_fake1", ["role"] = "assistant", ["status"] = "completed",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = decision.Text, ["annotations"] = new JsonArray() }),
            };
        var usage = new JsonObject
        {
            ["input_tokens"] = 150, ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
            ["output_tokens"] = 40, ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 }, ["total_tokens"] = 190,
        };
        var response = new JsonObject
        {
            ["id"] = "resp_fake1", ["object"] = "response", ["status"] = "completed", ["model"] = body["model"]?.DeepClone(),
            ["output"] = new JsonArray(item.DeepClone()), ["usage"] = usage,
        };
        if (!Protocols.Stream(body))
        {
            return new FakeReply(200, response.ToJsonString(), false);
        }

        var events = new[]
        {
            new JsonObject { ["type"] = "response.created", ["response"] = new JsonObject { ["id"] = "resp_fake1", ["status"] = "in_progress" } },
            new JsonObject { ["type"] = "response.output_item.added", ["output_index"] = 0, ["item"] = item.DeepClone() },
            new JsonObject { ["type"] = "response.output_item.done", ["output_index"] = 0, ["item"] = item },
            new JsonObject { ["type"] = "response.completed", ["response"] = response },
        };
        return new FakeReply(200, Protocols.Sse(events), true);
    }

    public static FakeReply Chat(JsonObject body, (string? Text, ToolCall? Call) decision)
    {
        JsonObject message = decision.Call is { } call
            ? new JsonObject
            {
                ["role"] = "assistant", ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["id"] = "call_fake1", ["type"] = "function", ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments.ToJsonString() } }),
            }
            : new JsonObject { ["role"] = "assistant", ["content"] = decision.Text };
        var finish = decision.Call is null ? "stop" : "tool_calls";
        var usage = new JsonObject { ["prompt_tokens"] = 150, ["completion_tokens"] = 40, ["total_tokens"] = 190 };
        if (!Protocols.Stream(body))
        {
            return new FakeReply(200, new JsonObject
            {
                ["id"] = "chatcmpl-fake1", ["object"] = "chat.completion", ["created"] = 0, ["model"] = body["model"]?.DeepClone(),
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }), ["usage"] = usage,
            }.ToJsonString(), false);
        }

        JsonObject Chunk(JsonObject delta, string? reason, JsonObject? u = null) => new()
        {
            ["id"] = "chatcmpl-fake1", ["object"] = "chat.completion.chunk", ["created"] = 0, ["model"] = body["model"]?.DeepClone(),
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = reason }), ["usage"] = u,
        };
        var text = Protocols.Sse([Chunk(message, null), Chunk(new JsonObject(), finish, usage)], named: false) + "data: [DONE]\n\n";
        return new FakeReply(200, text, true);
    }
}
