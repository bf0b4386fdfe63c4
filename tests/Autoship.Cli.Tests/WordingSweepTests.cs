using System.Text.Json;
using System.Text.RegularExpressions;

namespace Autoship.Cli.Tests;

/// <summary>
/// Every surface a person reads after the demo — the demo's report, <c>status</c>, <c>explain</c> of every item (text
/// and JSON) and every Autoship comment on the forge — in plain wording: no "file(s)", no word said twice in a row
/// ("the the"), no reason repeated as its own code ("ValidationFailed: ValidationFailed", "validation-failed: ValidationFailed").
/// </summary>
[Collection("demo")]
public sealed partial class WordingSweepTests(DemoRun demo)
{
    [Fact]
    public async Task Demo_EveryRenderedSurface_HasPlainWording()
    {
        demo.Result.ExitCode.ShouldBe(0, demo.Result.ToString());
        var surfaces = new List<(string Name, string Text)> { ("demo --json", demo.Result.Stdout) };
        var status = await CliRunner.RunAsync(Path.GetTempPath(), "status", "--forge", "local:" + demo.Forge);
        status.ExitCode.ShouldBe(0, status.ToString());
        surfaces.Add(("status", status.Stdout));

        foreach (var number in demo.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("issue").GetInt32()))
        {
            var text = await CliRunner.RunAsync(Path.GetTempPath(), "explain", "--forge", "local:" + demo.Forge, $"#{number}");
            text.ExitCode.ShouldBe(0, text.ToString());
            surfaces.Add(($"explain #{number}", text.Stdout));

            var json = await CliRunner.RunAsync(Path.GetTempPath(), "explain", "--forge", "local:" + demo.Forge, $"#{number}", "--json");
            json.ExitCode.ShouldBe(0, json.ToString());
            var root = JsonDocument.Parse(json.Stdout).RootElement;
            surfaces.Add(($"explain #{number} --json", json.Stdout));
            foreach (var reason in root.GetProperty("reasons").EnumerateArray())
            {
                Same(reason.GetProperty("code").GetString()!, reason.GetProperty("message").GetString()!).ShouldBeFalse($"#{number}: reason {reason} is its own code");
            }

            var issue = await CliRunner.RunAsync(Path.GetTempPath(), "local", "issue", "show", $"{number}", "--forge", demo.Forge, "--json");
            issue.ExitCode.ShouldBe(0, issue.ToString());
            foreach (var comment in JsonDocument.Parse(issue.Stdout).RootElement.GetProperty("comments").EnumerateArray())
            {
                surfaces.Add(($"#{number} comment", comment.GetProperty("body").GetString()!));
            }
        }

        surfaces.Count.ShouldBeGreaterThan(30, "the sweep reads every item's surfaces");
        var problems = surfaces.SelectMany(s => Problems(s.Text).Select(p => $"{s.Name}: {p}")).Distinct().ToList();
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Theory]
    [InlineData("2 file(s) changed", "(s)")]
    [InlineData("took 3 pass(es)", "(es)")]
    [InlineData("tell the the agent", "the the")]
    [InlineData("ended: ValidationFailed: ValidationFailed", "ValidationFailed: ValidationFailed")]
    [InlineData("validation-failed: ValidationFailed — `x` exited", "validation-failed: ValidationFailed")]
    [InlineData("#1: PR #17 gate merge: merge (lane A safe)", "merge: merge")]
    [InlineData("# Exited: exited with code 1", "Exited: exited")]
    public void Problems_BadWording_IsFound(string text, string found) => Problems(text).ShouldContain(p => p.Contains(found, StringComparison.Ordinal));

    [Theory]
    [InlineData("1 file changed, +1 -1")]
    [InlineData("validation-failed: `scripts/test.sh` exited with code 1")]
    [InlineData("head 4378181 4378181")]
    [InlineData("│ the │\n│ the │")]
    [InlineData("lane A: a docs fix")]
    [InlineData("#1: PR #17 gate: merge (lane A safe)")]
    public void Problems_PlainWording_IsClean(string text) => Problems(text).ShouldBeEmpty();

    private static IEnumerable<string> Problems(string text)
    {
        foreach (Match m in Parenthesized().Matches(text))
        {
            yield return $"'{Around(text, m)}' has {m.Value}";
        }

        foreach (Match m in Doubled().Matches(text))
        {
            yield return $"'{Around(text, m)}' says '{m.Groups[1].Value}' twice";
        }

        foreach (Match m in Labelled().Matches(text))
        {
            if (Same(m.Groups[1].Value, m.Groups[2].Value))
            {
                yield return $"'{Around(text, m)}' repeats {m.Groups[1].Value}: {m.Groups[2].Value}";
            }
        }
    }

    /// <summary>"validation-failed", "ValidationFailed" and "validation.failed" are the same words.</summary>
    private static bool Same(string a, string b) => Normal(a).Length > 0 && Normal(a) == Normal(b);

    private static string Normal(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string Around(string text, Match m) => text.Substring(Math.Max(0, m.Index - 40), Math.Min(text.Length - Math.Max(0, m.Index - 40), m.Length + 80)).ReplaceLineEndings(" ");

    [GeneratedRegex(@"\w\((s|es)\)")]
    private static partial Regex Parenthesized();

    // Words of letters only: "4378181 4378181" (a SHA in two columns) is not wording.
    [GeneratedRegex(@"(?<![\w-])([A-Za-z]{2,})[ \t]+\1(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Doubled();

    // The second word in a lookahead, so "ended: ValidationFailed: ValidationFailed" is read as two overlapping pairs.
    [GeneratedRegex(@"(?<![\w.-])([A-Za-z][\w.-]+): (?=([A-Za-z][\w.-]+))")]
    private static partial Regex Labelled();
}
