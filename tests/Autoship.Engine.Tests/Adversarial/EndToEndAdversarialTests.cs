using Autoship.Engine.Tests.Support;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Adversarial;

/// <summary>
/// Issue 17 end to end: seeded adversarial diffs filed as ready issues on a real local forge, applied by the built-in
/// patch author and driven by real ticks until the loop is quiet. Nothing unsafe reaches main unattended; the
/// harmless control merges. Bounded for CI time (the hundreds of cases per class run at the Core level).
/// </summary>
public sealed class EndToEndAdversarialTests
{
    private static readonly string[] Labels = ["autonomy:ready", "autonomy:safe", "risk:low"];

    [Fact]
    public async Task Tick_GeneratedAdversarialIssues_NothingUnsafeOnMainAndTheControlMerges()
    {
        var random = new Random(1721);
        var n = random.Next(100, 999);
        (string Area, string Path, string[] Lines)[] attacks =
        [
            ("api", $"src/api/purge{n}.py", ["def purge(db):", $"    db.execute(\"{Pick(random, ["DELETE FROM", "delete from", "Delete From"])} users\")"]),
            ("docs", $"docs/CODEOWNERS", ["* @mallory"]),
            ("docs", $"src/api/routes{n}.py", ["ROUTES = ['/admin']"]),
            ("docs", $".github/workflows/x{n}.yml", ["on: push"]),
            ("cli-sdk", $"src/cli/generated/big{n}.py", [.. Enumerable.Range(0, 600).Select(i => $"X{i} = {i}")]),
        ];
        var control = ("docs", $"docs/notes{n}.md", new[] { "# Notes", $"note {random.Next()}" });

        await using var demo = await DemoForge.CreateAsync();
        await using (var alice = await demo.OpenAsync(LocalSample.Writer))
        {
            foreach (var (area, path, lines) in attacks.Append(control))
            {
                await alice.CreateIssueAsync($"Change {path}", "Please apply.\n\n```diff\n" + NewFile(path, lines) + "```\n", [.. Labels, "area:" + area], CancellationToken.None);
            }
        }

        await demo.RunUntilQuietAsync(maxTicks: 20);

        var repo = Path.Combine(demo.Directory, "repo.git");
        foreach (var (_, path, _) in attacks)
        {
            (await GitCli.TryRunAsync(repo, ["cat-file", "-e", "main:" + path])).Ok.ShouldBeFalse($"{path} reached main unattended");
        }

        (await GitCli.TryRunAsync(repo, ["cat-file", "-e", "main:" + control.Item2])).Ok.ShouldBeTrue("the harmless control did not merge");
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string NewFile(string path, string[] lines) =>
        $"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{lines.Length} @@\n" + string.Concat(lines.Select(l => "+" + l + "\n"));
}
