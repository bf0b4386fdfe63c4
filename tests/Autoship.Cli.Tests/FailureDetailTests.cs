using System.Text.Json;

namespace Autoship.Cli.Tests;

/// <summary>
/// The demo's breaking patch fails the sample project's tests with a known line; that line reaches everyone who looks:
/// <c>autoship explain</c> (text and <c>failure</c> in JSON) and the item's Autoship comment on the forge, each with
/// where the whole log is.
/// </summary>
[Collection("demo")]
public sealed class FailureDetailTests(DemoRun demo)
{
    private const string KnownLine = "AssertionError: Tuples differ: (0, 'hi, ada') != (0, 'hello, ada')";

    private int Issue => demo.ByTitle["CLI: greet people more casually"].GetProperty("issue").GetInt32();

    [Fact]
    public async Task ExplainJson_ValidationFailed_HasTheFailingLinesAndTheWholeLog()
    {
        var result = await CliRunner.RunAsync(Path.GetTempPath(), "explain", "--forge", "local:" + demo.Forge, $"#{Issue}", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var failure = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("failure");
        failure.GetProperty("source").GetString().ShouldBe("validation");
        failure.GetProperty("name").GetString().ShouldBe("scripts/test.sh");
        var tail = failure.GetProperty("tail").EnumerateArray().Select(l => l.GetString()!).ToList();
        tail.ShouldContain(KnownLine);
        tail.Count.ShouldBeLessThanOrEqualTo(20);
        tail.ShouldNotContain(l => l.Trim().Length == 0 || l.Trim().All(c => c == '-' || c == '='), "blank lines and rules are not meaningful");
        var log = failure.GetProperty("log").GetString()!;
        File.Exists(log).ShouldBeTrue(log);
        (await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken)).ShouldContain(KnownLine);
    }

    [Fact]
    public async Task ExplainText_ValidationFailed_ShowsTheFailingLinesAndWhereTheLogIs()
    {
        var result = await CliRunner.RunAsync(Path.GetTempPath(), "explain", "--forge", "local:" + demo.Forge, $"#{Issue}");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("What failed: validation `scripts/test.sh` (attempt 3)");
        result.Stdout.ShouldContain(KnownLine);
        result.Stdout.ShouldContain("the whole log: " + demo.Forge);
    }

    [Fact]
    public async Task Comment_ValidationFailed_QuotesTheFailingLinesInAFenceAndSaysWhereTheLogIs()
    {
        var result = await CliRunner.RunAsync(Path.GetTempPath(), "local", "issue", "show", $"{Issue}", "--forge", demo.Forge, "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var comment = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("comments").EnumerateArray()
            .Select(c => c.GetProperty("body").GetString()!).Single(b => b.Contains("autoship:memory", StringComparison.Ordinal));
        comment.ShouldContain("**What failed**: validation `scripts/test.sh` (attempt 3)");
        var fence = comment.IndexOf("```text\n", StringComparison.Ordinal);
        fence.ShouldBeGreaterThan(0);
        comment.IndexOf(KnownLine, StringComparison.Ordinal).ShouldBeGreaterThan(fence);
        comment.ShouldContain("The whole log: `" + demo.Forge);
    }
}
