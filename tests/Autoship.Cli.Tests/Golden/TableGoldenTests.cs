using System.Runtime.CompilerServices;
using System.Text;
using Autoship.Cli.Reporting;
using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Cli.Tests.Golden;

/// <summary>
/// Golden files of the tables people read in a terminal (<c>status</c>, <c>tick</c>, <c>doctor</c>-style tables) at 80 and
/// 120 columns: no line wider than the page and no word split across lines. Accept a reviewed change with
/// <c>AUTOSHIP_UPDATE_GOLDEN=1 dotnet test --filter TableGolden</c>.
/// </summary>
public sealed class TableGoldenTests
{
    private static readonly ItemView[] Items =
    [
        new(2, "Auth: rotate session tokens on password change", ItemPhase.Held, Lane.Human, "control-plane-steward", "qa-reliability-engineer", 12, GateVerdict.Hold, 1,
            [new Reason("human-approval-missing", "lane C (human) needs a human approval of head 000caaa")],
            ["A maintainer with write access who is not the author reviews and approves the pull request at commit 000caaa."]),
        new(3, "Docs: fix the typo in docs/guide/getting-started.md", ItemPhase.Released, Lane.Safe, "mission-control-orchestrator", "qa-reliability-engineer", 13, GateVerdict.Reject, 1,
            [new Reason("check-failed", "required check ci failed on head 000daaa")], []),
        new(6, "Add a health endpoint", ItemPhase.Queued, null, null, null, null, null, 0, [], [])
        {
            QueuePosition = new Reason("queue-position", "1st of 1 in the queue: p2, lane A, waiting 3 m"),
            QueueRank = 1,
        },
    ];

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Items_AtWidth_ReadAsTheGoldenFileAndKeepWordsWhole(int width)
    {
        var text = Render(width, ItemTables.Items(Items));

        CheckFits(text, width, Items.SelectMany(i => new[] { i.Title, i.Owner ?? string.Empty, i.Reviewer ?? string.Empty }.Concat(i.Reasons.Select(r => r.Message))));
        GoldenFile.Check($"items-{width}.txt", text);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void FourColumnTable_AtWidth_ReadsAsTheGoldenFileAndKeepsWordsWhole(int width)
    {
        var table = new CliTable("", "check", "finding", "fix")
            .AddRow("ok", "entrypoint", "scripts/test.sh exists and runs 42 tests", string.Empty)
            .AddRow("fail", "area-coverage", "src/markupsafe/_speedups.c is owned by no area", "add src/** to an area's paths in .github/autoship.yml");

        var text = Render(width, table);

        CheckFits(text, width, ["src/markupsafe/_speedups.c", ".github/autoship.yml", "area-coverage"]);
        GoldenFile.Check($"doctor-{width}.txt", text);
    }

    [Fact]
    public void CliTable_WideEnough_IsATable_TooNarrow_IsRecords()
    {
        var table = new CliTable("issue", "title", "why").AddRow("#1", "short", "a-very-long-token-that-cannot-be-broken-without-splitting-it");

        Render(200, table).ShouldContain("│");
        var narrow = Render(40, table);
        narrow.ShouldNotContain("│");
        narrow.ShouldContain("a-very-long-token-that-cannot-be-broken-without-splitting-it".Substring(0, 36));
    }

    private static string Render(int width, Spectre.Console.Rendering.IRenderable renderable)
    {
        var writer = new FixedWidthWriter(new StringWriter(), width);
        var console = CliConsole.Create(writer);
        console.Write(renderable);
        return string.Join("\n", writer.ToString().ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()));
    }

    /// <summary>Every line fits, and every word of <paramref name="texts"/> appears whole on one line.</summary>
    private static void CheckFits(string text, int width, IEnumerable<string> texts)
    {
        var lines = text.Split('\n');
        lines.ShouldAllBe(l => l.Length <= width);
        foreach (var word in texts.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 2))
        {
            lines.Any(l => l.Contains(word, StringComparison.Ordinal)).ShouldBeTrue($"the word '{word}' is split or lost at {width} columns:\n{text}");
        }
    }
}

/// <summary>Compares text with a file beside this test in the source tree, or rewrites it when asked to.</summary>
internal static class GoldenFile
{
    public static void Check(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Tables", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("AUTOSHIP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(actual, $"{path} differs; after checking the change, accept it with AUTOSHIP_UPDATE_GOLDEN=1");
    }
}
