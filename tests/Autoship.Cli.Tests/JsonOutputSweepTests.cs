using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Autoship.Cli.Tests;

/// <summary>
/// Every <c>--json</c> output is 7-bit ASCII (non-ASCII as <c>\uXXXX</c>) and shows durations one way: a number of
/// seconds under a key ending in <c>Seconds</c>, never <c>"00:01:30"</c>, <c>"PT1M30S"</c> or a minutes/milliseconds key.
/// </summary>
[Collection("demo")]
public sealed partial class JsonOutputSweepTests(DemoRun demo)
{
    private const string Title = "Café → naïve ✓ 🚀 résumé";

    [Fact]
    public async Task EveryJsonOutput_IsAsciiWithOneDurationFormat()
    {
        demo.Result.ExitCode.ShouldBe(0, demo.Result.ToString());
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--sample")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", "forge", "--title", Title, "--body", "Ünïcode body — “quoted”", "--label", "autonomy:ready")).ExitCode.ShouldBe(0);
        var project = dir.Combine("project");
        Directory.CreateDirectory(project);
        (await CliRunner.RunAsync(project, "init", "--path", project)).ExitCode.ShouldBe(0);
        var config = Path.Combine(project, ".github", "autoship.yml");
        var demoForge = "local:" + demo.Forge;
        var outputs = new Dictionary<string, string> { ["demo --json"] = demo.Result.Stdout };
        string[][] commands =
        [
            ["tick", "--forge", "local:forge", "--json"],
            ["tick", "--forge", "local:forge", "--dry-run", "--json"],
            ["status", "--forge", "local:forge", "--json"],
            ["explain", "--forge", "local:forge", "#1", "--json"],
            ["status", "--forge", demoForge, "--json"],
            ["explain", "--forge", demoForge, "#1", "--json"],
            ["explain", "--forge", demoForge, "#8", "--json"],
            ["doctor", "--forge", "local:forge", "--json"],
            ["local", "issue", "list", "--forge", "forge", "--json"],
            ["local", "issue", "show", "1", "--forge", "forge", "--json"],
            ["simulate", "--hours", "4", "--json"],
            ["classify", "--config", config, "--label", "area:docs", "--file", "docs/café → ü.md:1:0", "--json"],
            ["config", "validate", config, "--json"],
        ];
        foreach (var args in commands)
        {
            var result = await CliRunner.RunAsync(dir.Path, args);
            // doctor and classify may report problems (exit 1) and still print their JSON.
            result.ExitCode.ShouldBeOneOf([0, 1], string.Join(' ', args) + "\n" + result);
            result.Stdout.ShouldNotBeNullOrWhiteSpace(string.Join(' ', args) + "\n" + result);
            outputs[string.Join(' ', args)] = result.Stdout;
        }

        var problems = new List<string>();
        var decoded = new StringBuilder();
        var secondsKeys = 0;
        foreach (var (command, stdout) in outputs)
        {
            var bytes = Encoding.UTF8.GetBytes(stdout);
            if (Array.FindIndex(bytes, b => b > 0x7F) is var at and >= 0)
            {
                problems.Add($"{command}: non-ASCII byte at {at}: …{stdout.Substring(Math.Max(0, at - 30), Math.Min(60, stdout.Length - Math.Max(0, at - 30)))}…");
            }

            using var document = JsonDocument.Parse(stdout);
            Walk(command, "$", document.RootElement, problems, decoded, ref secondsKeys);
        }

        problems.ShouldBeEmpty();
        // The sweep saw what it guards: the non-ASCII title came through (escaped) and durations were there to check.
        decoded.ToString().ShouldContain(Title);
        decoded.ToString().ShouldContain("Ünïcode body — “quoted”");
        secondsKeys.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Jq_NonAsciiString_PrintsRawAsGhDoes()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--sample")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", "forge", "--title", Title)).ExitCode.ShouldBe(0);

        var result = await CliRunner.RunAsync(dir.Path, "local", "issue", "list", "--forge", "forge", "--json", "--jq", ".. | strings | select(startswith(\"Caf\"))");

        // A --jq answer is the user's data: the string itself, unquoted and unescaped, as `gh --jq` prints it.
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Trim().ShouldBe(Title);
    }

    private static void Walk(string command, string path, JsonElement element, List<string> problems, StringBuilder decoded, ref int secondsKeys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name;
                    decoded.Append(name).Append('\n');
                    if (name.EndsWith("Seconds", StringComparison.Ordinal))
                    {
                        secondsKeys++;
                        if (property.Value.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
                        {
                            problems.Add($"{command}: {path}.{name} is a duration key but holds {property.Value.ValueKind}");
                        }
                    }
                    else if (DurationKey().IsMatch(name))
                    {
                        problems.Add($"{command}: {path}.{name} is a duration without the Seconds suffix ({property.Value.GetRawText()})");
                    }

                    Walk(command, $"{path}.{name}", property.Value, problems, decoded, ref secondsKeys);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(command, $"{path}[{i++}]", item, problems, decoded, ref secondsKeys);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                decoded.Append(text).Append('\n');
                if (ClockDuration().IsMatch(text) || IsoDuration().IsMatch(text))
                {
                    problems.Add($"{command}: {path} = \"{text}\" is a duration as text");
                }

                break;
        }
    }

    // duration, age, elapsed…, or a camelCase key ending in one, or any key counted in other units.
    [GeneratedRegex("^(duration|elapsed|age|wait|timeout|took|latency)$|[a-z0-9](Duration|Elapsed|Age|Wait|Timeout|Took|Latency)$|(Minutes|Hours|Days|Ms|Millis|Milliseconds)$")]
    private static partial Regex DurationKey();

    [GeneratedRegex(@"^-?(\d+\.)?\d{1,2}:\d{2}:\d{2}(\.\d{1,7})?$")]
    private static partial Regex ClockDuration();

    [GeneratedRegex(@"^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex IsoDuration();
}
