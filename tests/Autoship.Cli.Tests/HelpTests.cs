using System.CommandLine;
using System.Text.RegularExpressions;
using Autoship.Cli.Help;
using Autoship.Cli.Reporting;

namespace Autoship.Cli.Tests;

/// <summary>Every command's help: exit 0, EXAMPLES that parse, and no line wider than the page or a word split across lines.</summary>
public sealed partial class HelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var path in Walk(AutoshipCli.Build(), []))
        {
            data.Add(string.Join(' ', path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_EveryCommandAt80And60Columns_FitsAndKeepsWordsWhole(string path)
    {
        foreach (var width in new[] { 80, 60 })
        {
            var (code, stdout, stderr) = await RunAsync(width, [.. Split(path), "--help"]);

            code.ShouldBe(0, stderr);
            stderr.ShouldBeEmpty();
            var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
            foreach (var line in lines)
            {
                // A single token longer than the page (a URL, a path) may stand alone on its line, whole.
                (line.Length <= width || !line.Trim().Contains(' ', StringComparison.Ordinal)).ShouldBeTrue($"{path} at {width} columns: '{line}' is {line.Length} wide");
            }

            var command = Find(path);
            var text = string.Join(' ', lines.Select(l => l.Trim()));
            foreach (var word in Words(command.Description ?? string.Empty))
            {
                text.ShouldContain(word, Case.Sensitive, $"{path} at {width} columns split or lost the word '{word}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Examples_EveryCommandHasSome_AndEachAutoshipLineParses(string path)
    {
        var command = Find(path);
        var examples = CommandExamples.Of(command);

        examples.ShouldNotBeEmpty($"{path} has no EXAMPLES (add .WithExamples(...) where the command is created)");
        foreach (var example in examples.Where(e => !e.StartsWith('#')))
        {
            foreach (var segment in example.Split(" && ").Select(s => s.Split(" | ")[0].Split(" > ")[0].Trim()))
            {
                var tokens = Tokens(segment);
                var start = tokens.FindIndex(t => t == "autoship");
                if (start < 0)
                {
                    continue;
                }

                var parse = AutoshipCli.Build().Parse(tokens.Skip(start + 1).ToArray());
                parse.Errors.Select(e => e.Message).ShouldBeEmpty($"example '{segment}' of {path}");
            }
        }
    }

    [Fact]
    public async Task ParseError_NamesTheWholeCommandAndExitsWithUsage()
    {
        var (code, _, stderr) = await RunAsync(80, ["local", "issue", "show"]);

        code.ShouldBe(2);
        stderr.ShouldContain("Run 'autoship local issue show --help' for usage.");
    }

    [Fact]
    public void Wrap_LongTokenStaysWholeOnItsOwnLine()
    {
        var lines = HelpLayout.Wrap("autoship local import /a/very/long/path/that/does/not/fit/at/all ../forge", 20).ToList();

        lines.ShouldBe(["autoship local", "  import", "  /a/very/long/path/that/does/not/fit/at/all", "  ../forge"]);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(int width, string[] args)
    {
        var stdout = new FixedWidthWriter(new StringWriter(), width);
        var stderr = new StringWriter();
        var code = await AutoshipCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static IEnumerable<List<string>> Walk(Command command, List<string> path)
    {
        yield return path;
        foreach (var sub in command.Subcommands)
        {
            foreach (var p in Walk(sub, [.. path, sub.Name]))
            {
                yield return p;
            }
        }
    }

    private static Command Find(string path)
    {
        Command command = AutoshipCli.Build();
        foreach (var name in Split(path))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        return command;
    }

    private static string[] Split(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3);

    /// <summary>Shell-like words: spaces separate, single and double quotes group.</summary>
    private static List<string> Tokens(string line) =>
        ShellWord().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Value).ToList();

    [GeneratedRegex("""'([^']*)'|"([^"]*)"|\S+""")]
    private static partial Regex ShellWord();
}
