using Autoship.Forge;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Cli.Tests;

public sealed class LocalCommandMoreTests
{
    [Fact]
    public async Task UserAdd_IssueFromBodyFile_Close_AndDeploy_Work()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--owner", "boss")).ExitCode.ShouldBe(0);
        var refused = await CliRunner.RunAsync(dir.Path, "local", "user", "add", "eve", "--role", "writer", "--forge", "forge", "--as", "nobody");
        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Stderr.ShouldContain("no user 'nobody'");
        (await CliRunner.RunAsync(dir.Path, "local", "user", "add", "eve", "--role", "writer", "--forge", "forge")).ExitCode.ShouldBe(0);
        File.WriteAllText(dir.Combine("body.md"), "From a file.\n");

        var create = await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", "forge", "--as", "eve", "--title", "T", "--body-file", "body.md");
        create.ExitCode.ShouldBe(0, create.ToString());
        (await CliRunner.RunAsync(dir.Path, "local", "issue", "close", "1", "--forge", "forge", "--as", "eve")).ExitCode.ShouldBe(0);
        var show = await CliRunner.RunAsync(dir.Path, "local", "issue", "show", "1", "--forge", "forge");
        show.Stdout.ShouldStartWith("#1 T (closed)");
        show.Stdout.ShouldContain("From a file.");

        var deploy = await CliRunner.RunAsync(dir.Path, "local", "deploy", "--ref", "main", "--forge", "forge");
        deploy.ExitCode.ShouldBe(1, deploy.ToString());
        deploy.Stderr.ShouldContain("scripts/deploy-staging.sh does not exist");
    }

    [Fact]
    public async Task RequestChanges_ShowsInPrShow_AndBlocksNothingWithoutProtection()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", "forge", "--sample")).ExitCode.ShouldBe(0);
        var forgeDir = dir.Combine("forge");
        await using (var bot = await LocalForge.OpenAsync(forgeDir, LocalForge.HarnessLogin, TimeProvider.System, new LocalForgeOptions { RunCi = false }, CancellationToken.None))
        {
            await GitCli.RunAsync(dir.Path, "clone", "--quiet", Path.Combine(forgeDir, "repo.git"), "clone");
            var clone = dir.Combine("clone");
            await GitCli.RunAsync(clone, "checkout", "--quiet", "-b", "autoship/1-api");
            File.AppendAllText(Path.Combine(clone, "src", "api", "routes.py"), "# note\n");
            await GitCli.RunAsync(clone, "commit", "--quiet", "-am", "api");
            await bot.PushBranchAsync(clone, "autoship/1-api", null, CancellationToken.None);
            var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-api", "main", "API note", "body", []), CancellationToken.None);
            await bot.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("autoship/gate", Core.CheckState.Pending, "lane B: waiting for staging", null), CancellationToken.None);
        }

        var noBody = await CliRunner.RunAsync(dir.Path, "local", "request-changes", "1", "--forge", "forge", "--as", "alice");
        noBody.ExitCode.ShouldNotBe(0, noBody.ToString());
        noBody.Stderr.ShouldContain("Option '--body' is required.");
        (await CliRunner.RunAsync(dir.Path, "local", "request-changes", "1", "--forge", "forge", "--as", "alice", "--body", "rename it")).ExitCode.ShouldBe(0);

        var show = await CliRunner.RunAsync(dir.Path, "local", "pr", "show", "1", "--forge", "forge");
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain("gate:    pending: lane B: waiting for staging");
        show.Stdout.ShouldContain("changesrequested");
        show.Stdout.ShouldContain("modified  +1 -0      src/api/routes.py");
    }
}
