namespace Autoship.Agents.Tests.FakeModel;

/// <summary>
/// How each real agent CLI is pointed at the fake model: the variables it reads (endpoint and key) and the model
/// name it is given. Shared by the agent tests (<c>RealAgents</c>) and the tick-level CLI tests, which link this folder.
/// </summary>
public static class FakeModelClients
{
    public static readonly string[] Presets = ["claude", "codex", "opencode", "gemini", "qwen"];

    /// <summary>The variables (values) the harness holds for <paramref name="preset"/> against the fake at <paramref name="baseUrl"/>.</summary>
    public static Dictionary<string, string> Credentials(string preset, string baseUrl) => preset switch
    {
        "claude" => new() { ["ANTHROPIC_BASE_URL"] = baseUrl, ["ANTHROPIC_API_KEY"] = "sk-ant-fake-0123456789" },
        "codex" => new() { ["OPENAI_BASE_URL"] = baseUrl + "/v1", ["CODEX_API_KEY"] = "sk-fake-codex-0123456789" },
        "opencode" => new() { ["OPENAI_BASE_URL"] = baseUrl + "/v1", ["OPENAI_API_KEY"] = "sk-fake-opencode-0123456789" },
        "gemini" => new() { ["GOOGLE_GEMINI_BASE_URL"] = baseUrl, ["GEMINI_API_KEY"] = "fake-gemini-0123456789" },
        "qwen" => new() { ["OPENAI_BASE_URL"] = baseUrl + "/v1", ["OPENAI_API_KEY"] = "sk-fake-qwen-0123456789" },
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "no fake-model setup for this preset"),
    };

    public static string? Model(string preset) => preset switch
    {
        "claude" => null,
        _ => "fake-model",
    };
}
