using Autoship.Core;
using Autoship.Forge;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Cli.Tests;

/// <summary>
/// A real <c>autoship local merge</c> process killed with SIGKILL between the forge's git write and its database
/// write (the <c>AUTOSHIP_TEST_CRASH_AT</c> test hook), then a second process: one squash on main, PR merged.
/// </summary>
public sealed class LocalMergeKillTests
{
    [Theory]
    [InlineData("merge-after-intent")]
    [InlineData("merge-after-update-ref")]
    public async Task LocalMerge_KilledAtCrashPoint_SecondProcessLeavesOneCommitOnMain(string point)
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--sample")).ExitCode.ShouldBe(0);
        var forgeDir = dir.Combine("forge");
        var repo = Path.Combine(forgeDir, "repo.git");
        int number;
        await using (var bot = await LocalForge.OpenAsync(forgeDir, LocalForge.HarnessLogin, TimeProvider.System, new LocalForgeOptions { RunCi = false }, CancellationToken.None))
        {
            await GitCli.RunAsync(dir.Path, "clone", "--quiet", repo, "clone");
            var clone = dir.Combine("clone");
            await GitCli.RunAsync(clone, "checkout", "--quiet", "-b", "autoship/1-docs");
            File.AppendAllText(Path.Combine(clone, "docs", "guide.md"), "More.\n");
            await GitCli.RunAsync(clone, "commit", "--quiet", "-am", "docs");
            await bot.PushBranchAsync(clone, "autoship/1-docs", null, CancellationToken.None);
            var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-docs", "main", "More docs", "body", []), CancellationToken.None);
            await bot.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("ci", CheckState.Success, "green", null), CancellationToken.None);
            number = pr.Number;
        }

        (await CliRunner.RunAsync(dir.Path, "local", "approve", $"{number}", "--forge", "forge", "--as", "alice")).ExitCode.ShouldBe(0);
        var commitsBefore = int.Parse(await GitCli.RunAsync(repo, "rev-list", "--count", "main"), System.Globalization.CultureInfo.InvariantCulture);

        var killed = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string> { ["AUTOSHIP_TEST_CRASH_AT"] = point }, "local", "merge", $"{number}", "--forge", "forge");
        killed.ExitCode.ShouldBe(137, killed.ToString()); // 128 + SIGKILL: nothing after the crash point ran
        var merge = await CliRunner.RunAsync(dir.Path, "local", "merge", $"{number}", "--forge", "forge");

        merge.ExitCode.ShouldBe(0, merge.ToString());
        var subjects = (await GitCli.RunAsync(repo, "log", "--format=%s", "main")).Split('\n');
        subjects.Length.ShouldBe(commitsBefore + 1);
        subjects.Count(s => s == $"More docs (#{number})").ShouldBe(1);
        await using var read = await LocalForge.OpenAsync(forgeDir, LocalForge.HarnessLogin, TimeProvider.System, new LocalForgeOptions { RunCi = false }, CancellationToken.None);
        var merged = (await read.GetPullRequestAsync(number, CancellationToken.None))!;
        merged.Merged.ShouldBeTrue();
        merged.MergeCommitSha.ShouldBe(await GitCli.RunAsync(repo, "rev-parse", "main"));
    }
}
