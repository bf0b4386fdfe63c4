using System.Text.Json;

namespace Autoship.Cli.Tests;

/// <summary>
/// <c>autoship classify</c> end to end. The repository's configuration comes from <c>autoship init</c>, so these tests
/// exercise the seed's default model exactly as a user gets it.
/// </summary>
public sealed class ClassifyCommandTests
{
    private static async Task<(TempDir Dir, string Config)> InitAsync()
    {
        var dir = new TempDir();
        var init = await CliRunner.RunAsync(dir.Path, "init", "--path", dir.Path);
        init.ExitCode.ShouldBe(0, init.ToString());
        return (dir, dir.Combine(".github", "autoship.yml"));
    }

    private static JsonElement Json(CliRunner.Result result)
    {
        result.ExitCode.ShouldBe(0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        doc.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
        return doc.RootElement.Clone();
    }

    private static IEnumerable<string> Codes(JsonElement json) =>
        json.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!);

    [Theory]
    [InlineData("area:docs", "docs/guide.md:3:1", "safe", "xs")]
    [InlineData("area:test", "tests/test_users.py:12:3", "safe", "s")]
    [InlineData("area:api", "src/api/routes/users.py:40:10", "staging", "m")]
    [InlineData("area:auth", "src/api/auth/session.py:5:0", "human", "xs")]
    [InlineData("area:infra", "infra/main.tf", "human", "xs")]
    public async Task Classify_SeedExample_PrintsLaneAndSizeAsJson(string area, string file, string lane, string size)
    {
        var (dir, config) = await InitAsync();
        using var _ = dir;

        var json = Json(await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--label", area, "--label", "risk:low", "--file", file, "--json"));

        json.GetProperty("lane").GetString().ShouldBe(lane);
        json.GetProperty("size").GetString().ShouldBe(size);
        json.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["lane", "size", "allowed", "reasons", "guardrails"]);
        var rails = json.GetProperty("guardrails");
        rails.GetProperty("maxLineLength").GetInt32().ShouldBe(1000);
        rails.GetProperty("contentRules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldContain("delete-without-where");
        rails.GetProperty("never").EnumerateArray().Select(n => n.GetString()).ShouldContain(".github/workflows/**");
    }

    [Fact]
    public async Task Classify_DocsOwnerChangesApiCode_RefusedNamingTheOwner()
    {
        var (dir, config) = await InitAsync();
        using var _ = dir;

        var json = Json(await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--label", "area:docs", "--label", "risk:low", "--file", "src/api/routes.py:3:0", "--json"));

        json.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        var reason = json.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "outside-ownership").GetProperty("message").GetString()!;
        reason.ShouldContain("src/api/routes.py");
        reason.ShouldContain("owns it (area api)");
    }

    [Fact]
    public async Task Classify_DiffWithDestructiveSql_IsNotAllowedButExitsZero()
    {
        var (dir, config) = await InitAsync();
        using var _ = dir;
        var patch = dir.Combine("change.patch");
        await File.WriteAllTextAsync(patch, "diff --git a/db/cleanup.sql b/db/cleanup.sql\nnew file mode 100644\n--- /dev/null\n+++ b/db/cleanup.sql\n@@ -0,0 +1,2 @@\n+-- tidy up\n+DROP TABLE users;\n", TestContext.Current.CancellationToken);

        var json = Json(await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--diff", patch, "--json"));

        json.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        Codes(json).ShouldContain("forbidden-content");
    }

    [Fact]
    public async Task Classify_NeverPath_IsNotAllowed()
    {
        var (dir, config) = await InitAsync();
        using var _ = dir;

        var json = Json(await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--file", ".github/workflows/ci.yml:2:0", "--json"));

        json.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        Codes(json).ShouldContain("never-path");
    }

    [Fact]
    public async Task Classify_GeneratedFileInGitAttributes_IsNotCounted()
    {
        var (dir, config) = await InitAsync();
        using var _ = dir;
        await File.WriteAllTextAsync(dir.Combine(".gitattributes"), "docs/api/*.md linguist-generated\n", TestContext.Current.CancellationToken);

        var json = Json(await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--file", "docs/api/reference.md:900:100", "--file", "docs/a.md:2:0", "--json"));

        json.GetProperty("size").GetString().ShouldBe("xs");
    }

    [Fact]
    public async Task Classify_GeneratedByANestedAttributesFile_IsNotCounted()
    {
        var (dir, config) = await InitAsync();
        using var _ = dir;
        Directory.CreateDirectory(dir.Combine("docs/api"));
        await File.WriteAllTextAsync(dir.Combine("docs/api/.gitattributes"), "*.md linguist-generated\n", TestContext.Current.CancellationToken);

        var json = Json(await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--file", "docs/api/reference.md:900:100", "--file", "docs/a.md:2:0", "--json"));

        json.GetProperty("size").GetString().ShouldBe("xs");
    }

    [Fact]
    public async Task Classify_WithoutJson_PrintsATableOfReasons()
    {
        var (dir, config) = await InitAsync();
        using var _ = dir;

        var result = await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--label", "risk:high", "--file", "docs/a.md:1:0");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Lane C (human), size xs, 1 file: allowed");
        result.Stdout.ShouldContain("label-rule");
        result.Stdout.ShouldNotContain("\u001b[");
    }

    [Fact]
    public async Task Classify_InvalidConfig_ExitsTwoAndPrintsTheErrors()
    {
        using var dir = new TempDir();
        var config = dir.Combine("autoship.yml");
        await File.WriteAllTextAsync(config, "version: 1\nlanes: 12\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(dir.Path, "classify", "--config", config, "--file", "docs/a.md");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("autoship.yml:");
    }

    [Fact]
    public async Task Classify_MissingConfig_ExitsTwoAndSaysHowToFixIt()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "classify", "--config", dir.Combine("nope.yml"), "--file", "docs/a.md");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("configuration file not found");
    }

    [Theory]
    [InlineData("--file", "docs/a.md:12")]
    [InlineData("--file", "docs/a.md:x:3")]
    [InlineData("--diff", "missing.patch")]
    public async Task Classify_BadUsage_ExitsTwo(string option, string value)
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "classify", "--config", dir.Combine("nope.yml"), option, value);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldStartWith("autoship: ");
    }
}
