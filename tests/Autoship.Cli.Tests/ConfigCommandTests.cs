using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

public sealed class ConfigCommandTests
{
    private static readonly string Broken = DefaultConfig.Yaml
        .Replace("maxAttempts: 3 ", "maxAttempts: abc ", StringComparison.Ordinal)
        .Replace("reviewer: control-plane-steward", "reviewer: qa-reliability-engineer", StringComparison.Ordinal);

    private static (int Line, int Column) Position(string yaml, string token)
    {
        var lines = yaml.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(token, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(token, StringComparison.Ordinal) + 1);
    }

    [Fact]
    public async Task Validate_BrokenConfig_PrintsEveryErrorWithPositionExitsOne()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("autoship.yml"), Broken);
        var (typeLine, typeColumn) = Position(Broken, "abc");
        var lines = Broken.Split('\n');
        var qa = Array.IndexOf(lines, "  - name: qa-reliability-engineer");
        var reviewerLine = Array.FindIndex(lines, qa, l => l.Contains("reviewer:", StringComparison.Ordinal)) + 1;

        var result = await CliRunner.RunAsync(dir.Path, "config", "validate", "autoship.yml");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.Trim().Split('\n').ShouldBe(
        [
            $"autoship.yml:{reviewerLine}:15: agent 'qa-reliability-engineer' cannot review its own work: choose a different reviewer",
            $"autoship.yml:{typeLine}:{typeColumn}: expected an integer, got 'abc'",
            "invalid: autoship.yml (2 errors)",
        ]);
    }

    [Fact]
    public async Task Validate_Json_ReportsErrorsAsObjects()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("broken.yml"), Broken);
        var (line, column) = Position(Broken, "abc");

        var result = await CliRunner.RunAsync(dir.Path, "config", "validate", "--config", "broken.yml", "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        doc.RootElement.GetProperty("valid").GetBoolean().ShouldBeFalse();
        doc.RootElement.GetProperty("file").GetString().ShouldBe("broken.yml");
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().ToList();
        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.GetProperty("line").GetInt32() == line
            && e.GetProperty("column").GetInt32() == column
            && e.GetProperty("file").GetString() == "broken.yml"
            && e.GetProperty("message").GetString() == "expected an integer, got 'abc'");
    }

    [Fact]
    public async Task Validate_ValidConfigAsJson_IsValidWithNoErrors()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("ok.yml"), DefaultConfig.Yaml);

        var result = await CliRunner.RunAsync(dir.Path, "config", "validate", "ok.yml", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Trim().ShouldBe("""{"valid":true,"file":"ok.yml","errors":[]}""");
    }

    [Fact]
    public async Task Validate_FindsRepositoryConfigFromSubdirectory()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine(".git"));
        Directory.CreateDirectory(dir.Combine(".github"));
        Directory.CreateDirectory(dir.Combine("src", "deep"));
        File.WriteAllText(dir.Combine(".github", "autoship.yml"), DefaultConfig.Yaml);

        var result = await CliRunner.RunAsync(dir.Combine("src", "deep"), "config", "validate");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldStartWith("valid: ../../.github/autoship.yml");
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "config", "validate", "nope.yml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("nope.yml: configuration file not found");
    }

    [Fact]
    public async Task Schema_PrintsTheJsonSchema()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "config", "schema");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        doc.RootElement.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        result.Stdout.Trim().ShouldBe(ConfigSchema.Json.Trim());
    }

    [Fact]
    public async Task Docs_PrintsTheReferenceTable()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "config", "docs");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBe(ConfigDocs.Markdown);
        result.Stdout.ShouldContain("| `loop.schedule` | string | `\"*/15 * * * *\"` |");
    }

    [Fact]
    public async Task Validate_InvalidUtf8_IsAnErrorWithItsLineAndColumn()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.Combine("autoship.yml"), [.. "version: 1\nx: \"a"u8, 0xFF, .. "\"\n"u8]);

        var result = await CliRunner.RunAsync(dir.Path, "config", "validate", "autoship.yml");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldStartWith("autoship.yml:2:6: the file is not valid UTF-8 (byte 0xFF");
    }

    [Fact]
    public async Task Validate_AliasBomb_IsRefusedWithALocation()
    {
        using var dir = new TempDir();
        var bomb = "version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n" +
            string.Concat(Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]\n"));
        File.WriteAllText(dir.Combine("autoship.yml"), bomb);

        var result = await CliRunner.RunAsync(dir.Path, "config", "validate", "autoship.yml");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldMatch(@"^autoship\.yml:\d+:\d+: the document expands to more than 100000 nodes");
    }
}
