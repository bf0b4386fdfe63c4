using System.Text.Json;

namespace Autoship.Cli.Tests;

/// <summary>Runs <c>autoship demo --json</c> once; the demo, status and explain tests read its forge.</summary>
public sealed class DemoRun : IAsyncLifetime
{
    private readonly TempDir temp = new();

    public string Forge => temp.Combine("forge");

    public CliRunner.Result Result { get; private set; } = null!;

    public JsonElement Json { get; private set; }

    public Dictionary<string, JsonElement> ByTitle { get; } = [];

    public async ValueTask InitializeAsync()
    {
        Result = await CliRunner.RunAsync(temp.Path, "demo", "--dir", Forge, "--json");
        if (Result.ExitCode == 0)
        {
            Json = JsonDocument.Parse(Result.Stdout).RootElement.Clone();
            foreach (var item in Json.GetProperty("items").EnumerateArray())
            {
                ByTitle[item.GetProperty("title").GetString()!] = item;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition("demo")]
public sealed class DemoCollection : ICollectionFixture<DemoRun>;

[Collection("demo")]
public sealed class DemoCommandTests(DemoRun demo)
{
    [Theory]
    [InlineData("Docs: say how to run the tests", "merged", "safe", "ready-to-merge")]
    [InlineData("Test repair: cover a missing user id", "merged", "safe", "ready-to-merge")]
    [InlineData("API: add GET /version", "merged", "staging", "deployment-succeeded")]
    [InlineData("Auth: shorten sessions to 30 minutes", "merged", "human", "human-approved")]
    [InlineData("DB: add an email column to users", "merged", "human", "human-approved")]
    [InlineData("CI: cache pip downloads", "refused", null, "never-path")]
    [InlineData("Docs: write the full operations guide", "merged", "staging", "too-large-for-safe")]
    [InlineData("CLI: greet people more casually", "blocked", null, "max-attempts")]
    [InlineData("Show the user's name in the web header", "skipped", null, "multiple-areas")]
    [InlineData("Docs: link to my website", "skipped", null, "ready-untrusted")]
    [InlineData("Docs: mention the health endpoint in the README", "merged", "safe", "stale-claim-released")]
    public void Demo_Json_EachItemEndsWhereTheSeedSays(string title, string outcome, string? lane, string reason)
    {
        demo.Result.ExitCode.ShouldBe(0, demo.Result.ToString());
        var item = demo.ByTitle[title];

        item.GetProperty("outcome").GetString().ShouldBe(outcome);
        if (lane is not null)
        {
            item.GetProperty("lane").GetString().ShouldBe(lane);
        }

        var codes = item.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        codes.ShouldContain(reason);
        if (outcome == "merged")
        {
            item.GetProperty("pr").ValueKind.ShouldBe(JsonValueKind.Number);
        }
    }

    [Fact]
    public void Demo_Json_HasEveryItemAndItsDuration()
    {
        demo.Result.ExitCode.ShouldBe(0, demo.Result.ToString());
        demo.Json.GetProperty("items").GetArrayLength().ShouldBe(11);
        // Speed belongs in benchmarks: the report carries its duration, the test asserts no wall-clock bound.
        demo.Json.GetProperty("durationSeconds").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public void Demo_BreakingPatch_IsNeverMergedAndWasRetried()
    {
        var item = demo.ByTitle["CLI: greet people more casually"];

        item.GetProperty("pr").ValueKind.ShouldBe(JsonValueKind.Null);
        item.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldContain("validation.failed");
    }
}
