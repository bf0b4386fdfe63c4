using System.Text.Json;

namespace Autoship.Cli.Tests;

[Collection("demo")]
public sealed class ExplainCommandTests(DemoRun demo)
{
    [Theory]
    [InlineData("CLI: greet people more casually", "blocked", "max-attempts")]
    [InlineData("Show the user's name in the web header", "skipped", "multiple-areas")]
    [InlineData("Docs: say how to run the tests", "merged", null)]
    public async Task Explain_Issue_SaysWhereItStandsWhyAndItsHistory(string title, string phase, string? reason)
    {
        var number = demo.ByTitle[title].GetProperty("issue").GetInt32();

        var result = await CliRunner.RunAsync(Path.GetTempPath(), "explain", "--forge", "local:" + demo.Forge, $"#{number}", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        json.GetProperty("issue").GetInt32().ShouldBe(number);
        json.GetProperty("phase").GetString().ShouldBe(phase);
        json.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        if (reason is not null)
        {
            json.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldContain(reason);
        }

        if (phase != "skipped")
        {
            json.GetProperty("history").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Explain_Table_TellsAHumanWhatToDoOnABlockedItem()
    {
        var number = demo.ByTitle["CLI: greet people more casually"].GetProperty("issue").GetInt32();

        var result = await CliRunner.RunAsync(Path.GetTempPath(), "explain", "--forge", "local:" + demo.Forge, $"#{number}");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("autonomy:blocked");
    }
}
