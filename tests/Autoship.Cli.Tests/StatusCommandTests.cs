using System.Text.Json;

namespace Autoship.Cli.Tests;

[Collection("demo")]
public sealed class StatusCommandTests(DemoRun demo)
{
    [Fact]
    public async Task Status_AfterTheDemo_ListsTheItemsStillOpenWithTheirPhase()
    {
        var result = await CliRunner.RunAsync(Path.GetTempPath(), "status", "--forge", "local:" + demo.Forge, "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        json.GetProperty("forge").GetString().ShouldBe("local:" + Path.GetFullPath(demo.Forge));
        var phases = json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("phase").GetString());
        phases["CLI: greet people more casually"].ShouldBe("blocked");
        phases["Show the user's name in the web header"].ShouldBe("skipped");
        phases["Docs: link to my website"].ShouldBe("skipped");
        phases.ShouldNotContainKey("Docs: say how to run the tests");
        json.GetProperty("ticks").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Status_Table_NamesTheForgeAndTheBlockedItem()
    {
        var result = await CliRunner.RunAsync(Path.GetTempPath(), "status", "--forge", "local:" + demo.Forge);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Skipped and blocked");
        result.Stdout.ShouldContain("greet people");
    }
}
