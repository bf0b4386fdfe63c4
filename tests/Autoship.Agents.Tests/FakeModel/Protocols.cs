using System.Text;
using System.Text.Json.Nodes;

namespace Autoship.Agents.Tests.FakeModel;

/// <summary>The reply to one request: status, body, and whether the body is a server-sent event stream.</summary>
public sealed record FakeReply(int Status, string Body, bool Sse);

/// <summary>Recognises the API by its path and answers in its wire format.</summary>
public static class Protocols
{
    public const string Done = "Done: the change is made.";

    public static FakeReply Reply(string path, JsonObject body, FakeScript script)
    {
        if (path.EndsWith("/count_tokens", StringComparison.Ordinal))
        {
            return new FakeReply(200, """{"input_tokens":10}""", false);
        }

        if (path.EndsWith("/messages", StringComparison.Ordinal))
        {
            return Anthropic.Reply(body, Decide(Anthropic.Tools(body), Anthropic.HasToolResult(body), script));
        }

        if (path.EndsWith("/responses", StringComparison.Ordinal))
        {
            return OpenAi.Responses(body, Decide(OpenAi.ResponseTools(body), OpenAi.ResponsesHaveToolResult(body), script));
        }

        if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            return OpenAi.Chat(body, Decide(OpenAi.ChatTools(body), OpenAi.ChatHasToolResult(body), script));
        }

        if (path.Contains(":generateContent", StringComparison.Ordinal) || path.Contains(":streamGenerateContent", StringComparison.Ordinal))
        {
            return Gemini.Reply(path.Contains(":stream", StringComparison.Ordinal), Decide(Gemini.Tools(body), Gemini.HasToolResult(body), script));
        }

        if (path.EndsWith("/models", StringComparison.Ordinal))
        {
            return new FakeReply(200, """{"object":"list","data":[{"id":"fake-model","object":"model"}],"models":[]}""", false);
        }

        return new FakeReply(404, """{"error":{"message":"the fake model does not serve this path"}}""", false);
    }

    /// <summary>Text to answer, or a tool call to make.</summary>
    private static (string? Text, ToolCall? Call) Decide(IReadOnlyList<OfferedTool> tools, bool hasToolResult, FakeScript script)
    {
        if (script.Verdict is { } verdict)
        {
            return (verdict, null);
        }

        if (hasToolResult || tools.Count == 0)
        {
            return (Done, null);
        }

        var call = FakeTools.Choose(tools, script);
        return call is null ? ("the fake model found no shell tool among: " + string.Join(", ", tools.Select(t => t.Name)), null) : (null, call);
    }

    internal static string Sse(IEnumerable<JsonObject> events, bool named = true)
    {
        var sb = new StringBuilder();
        foreach (var e in events)
        {
            if (named)
            {
                sb.Append("event: ").Append(e["type"]?.GetValue<string>()).Append('\n');
            }

            sb.Append("data: ").Append(e.ToJsonString()).Append("\n\n");
        }

        return sb.ToString();
    }

    internal static bool Stream(JsonObject body) => body["stream"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
