namespace Autoship.Agents.Tests;

/// <summary>The gemini and qwen presets' output parsing and their fail-closed settings location.</summary>
public sealed class GeminiQwenPresetTests
{
    [Fact]
    public void Parse_GeminiJson_ReadsResponseTokensAndRequests()
    {
        const string stdout = """{"session_id":"s","response":"```json\n{\"verdict\":\"approve\"}\n```","stats":{"models":{"m1":{"api":{"totalRequests":2},"tokens":{"prompt":120,"candidates":30,"total":150}}}}}""";

        var output = new GeminiPreset().Parse(stdout);

        output.FinalText.ShouldContain("\"verdict\":\"approve\"");
        output.Usage.ShouldBe(new RunUsage(120, 30, null, 2));
    }

    [Fact]
    public void Parse_QwenJson_ReadsTheResultMessage()
    {
        const string stdout = """[{"type":"system","subtype":"init"},{"type":"assistant","message":{}},{"type":"result","subtype":"success","result":"done","num_turns":3,"usage":{"input_tokens":50,"output_tokens":7}}]""";

        var output = new QwenPreset().Parse(stdout);

        output.FinalText.ShouldBe("done");
        output.Usage!.InputTokens.ShouldBe(50);
        output.Usage.OutputTokens.ShouldBe(7);
        output.Usage.Turns.ShouldBe(3);
    }

    [Fact]
    public void FailIfIgnored_SettingsBelowAWorldWritableDirectory_Refuses()
    {
        using var dir = new TempDir();
        var open = dir.Sub("open");
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111);

        Should.Throw<PresetException>(() => GeminiPreset.FailIfIgnored(Path.Combine(open, "home", ".autoship", "s.json"))).Message.ShouldContain("writable by others");
        Should.NotThrow(() => GeminiPreset.FailIfIgnored(Path.Combine(dir.Sub("closed"), "s.json")));
    }
}
