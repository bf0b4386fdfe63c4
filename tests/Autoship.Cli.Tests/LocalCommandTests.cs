using System.Text.Json;
using Autoship.Forge;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Cli.Tests;

public sealed class LocalCommandTests
{
    [Fact]
    public async Task InitSample_IssueCreate_LabelAndListJson_Work()
    {
        using var dir = new TempDir();
        var init = await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--sample");
        init.ExitCode.ShouldBe(0, init.ToString());
        init.Stdout.ShouldContain("owner maintainer, writer alice, reader mallory");

        var create = await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", "forge", "--title", "Add greeting", "--body", "Say hi", "--label", "autonomy:ready");
        create.ExitCode.ShouldBe(0, create.ToString());
        create.Stdout.Trim().ShouldBe("Created issue #1: Add greeting [autonomy:ready]");
        var label = await CliRunner.RunAsync(dir.Path, "local", "label", "add", "1", "area:cli-sdk", "risk:low", "--forge", "local:forge", "--as", "alice");
        label.ExitCode.ShouldBe(0, label.ToString());

        var list = await CliRunner.RunAsync(dir.Path, "local", "issue", "list", "--forge", "forge", "--json");
        list.ExitCode.ShouldBe(0, list.ToString());
        using var doc = JsonDocument.Parse(list.Stdout);
        var issue = doc.RootElement.GetProperty("issues").EnumerateArray().ShouldHaveSingleItem();
        issue.GetProperty("number").GetInt32().ShouldBe(1);
        issue.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["area:cli-sdk", "autonomy:ready", "risk:low"]);
        var events = issue.GetProperty("labelEvents").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("actor").GetProperty("login").GetString()).ShouldBe(["maintainer", "alice", "alice"]);
        events[1].GetProperty("actor").GetProperty("permission").GetString().ShouldBe("write");

        var show = await CliRunner.RunAsync(dir.Path, "local", "issue", "show", "1", "--forge", "forge");
        show.Stdout.ShouldContain("+risk:low by alice (write)");
    }

    [Fact]
    public async Task LabelAdd_ByReader_IsRefusedForWantOfWriteAccess()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--sample")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", "forge", "--title", "T")).ExitCode.ShouldBe(0);

        var result = await CliRunner.RunAsync(dir.Path, "local", "label", "add", "1", "autonomy:ready", "--forge", "forge", "--as", "mallory");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.Trim().ShouldBe("autoship: mallory needs write access to the repository to label issues (has read)");
    }

    [Fact]
    public async Task AnyCommand_MissingForge_SaysHowToCreateOne()
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "local", "issue", "list", "--forge", "nowhere");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldBe("autoship: no local forge at nowhere: create one with 'autoship local init nowhere'");
    }

    [Fact]
    public async Task Approve_ThenMerge_ByPeople_SquashesOntoMain()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--sample")).ExitCode.ShouldBe(0);
        var forgeDir = dir.Combine("forge");
        int number;
        string head;
        await using (var bot = await LocalForge.OpenAsync(forgeDir, LocalForge.HarnessLogin, TimeProvider.System, new LocalForgeOptions { RunCi = false }, CancellationToken.None))
        {
            await GitCli.RunAsync(dir.Path, "clone", "--quiet", Path.Combine(forgeDir, "repo.git"), "clone");
            var clone = dir.Combine("clone");
            await GitCli.RunAsync(clone, "checkout", "--quiet", "-b", "autoship/1-docs");
            File.AppendAllText(Path.Combine(clone, "docs", "guide.md"), "More.\n");
            await GitCli.RunAsync(clone, "commit", "--quiet", "-am", "docs");
            await bot.PushBranchAsync(clone, "autoship/1-docs", null, CancellationToken.None);
            var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-docs", "main", "More docs", "body", []), CancellationToken.None);
            (number, head) = (pr.Number, pr.HeadSha);
        }

        var refused = await CliRunner.RunAsync(dir.Path, "local", "approve", $"{number}", "--forge", "forge", "--as", "mallory");
        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Stderr.ShouldContain("mallory needs write access to the repository to approve");
        var approve = await CliRunner.RunAsync(dir.Path, "local", "approve", $"{number}", "--forge", "forge", "--as", "alice", "--body", "ok");
        approve.ExitCode.ShouldBe(0, approve.ToString());
        approve.Stdout.Trim().ShouldBe($"alice approved #{number} at {head[..7]}.");

        var show = await CliRunner.RunAsync(dir.Path, "local", "pr", "show", $"{number}", "--forge", "forge", "--json");
        using (var doc = JsonDocument.Parse(show.Stdout))
        {
            var review = doc.RootElement.GetProperty("pullRequest").GetProperty("reviews").EnumerateArray().ShouldHaveSingleItem();
            review.GetProperty("state").GetString().ShouldBe("approved");
            review.GetProperty("commitSha").GetString().ShouldBe(head);
            doc.RootElement.GetProperty("pullRequest").GetProperty("files").EnumerateArray().Single().GetProperty("path").GetString().ShouldBe("docs/guide.md");
        }

        var merge = await CliRunner.RunAsync(dir.Path, "local", "merge", $"{number}", "--forge", "forge");
        merge.ExitCode.ShouldBe(0, merge.ToString());
        (await GitCli.RunAsync(Path.Combine(forgeDir, "repo.git"), "log", "-1", "--format=%s", "main")).ShouldBe($"More docs (#{number})");
        var list = await CliRunner.RunAsync(dir.Path, "local", "pr", "list", "--forge", "forge");
        list.Stdout.ShouldContain("merged");
    }
}
