using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Agents.Tests;

public sealed class AuthorRunTests
{
    [Fact]
    public async Task RunAuthorAsync_GoodChange_CommitsWithTrailersOnBranchAndNeverPushes()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo 'a fix' >> docs/guide.md; echo new > docs/new.md");
        var remoteBefore = await h.Repo.RemoteRefsAsync();
        var order = Fixtures.Order(validation: "test -f docs/new.md");

        var result = await h.Runner().RunAuthorAsync(h.Author(order, Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        result.CommitSha.ShouldNotBeNull();
        (await h.BranchAsync(order)).ShouldBe(result.CommitSha);
        var message = await h.Repo.GitAsync("log", "-1", "--format=%B", result.CommitSha);
        message.ShouldStartWith("Fix the guide (#42)");
        message.ShouldContain("Autoship-Work-Order: acme/app#42/a1");
        message.ShouldContain("Autoship-Agent: author");
        (await h.Repo.GitAsync("rev-parse", result.CommitSha + "^")).ShouldBe(h.Repo.BaseSha);
        result.Files.Select(f => f.Path).Order().ShouldBe(["docs/guide.md", "docs/new.md"]);
        result.Files.Single(f => f.Path == "docs/new.md").Kind.ShouldBe(ChangeKind.Added);
        result.Files.Single(f => f.Path == "docs/guide.md").AddedLines.ShouldBe(["a fix"]);
        result.Run.ValidationCommand.ShouldBe("test -f docs/new.md");
        result.Run.ValidationExitCode.ShouldBe(0);
        result.Run.DiffDigest.ShouldNotBeNull().ShouldStartWith("sha256:");
        result.Run.DiffStat.ShouldBe("2 files changed, +2 -0");
        result.Run.WorkOrderId.ShouldBe(order.Id);
        File.Exists(result.Run.LogPath).ShouldBeTrue();
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(result.Run.LogPath)!, AgentRunner.ChangePatchFile)).ShouldContain("+a fix");
        (await h.Repo.RemoteRefsAsync()).ShouldBe(remoteBefore);
        Directory.GetDirectories(Path.Combine(h.State, "worktrees")).ShouldBeEmpty();
        (await h.Repo.GitAsync("worktree", "list")).Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task RunAuthorAsync_Environment_AllowListOnlyNoForgeTokens()
    {
        using var h = await Harness.CreateAsync();
        System.Environment.SetEnvironmentVariable("AUTOSHIP_TEST_INHERITED", "leak");
        h.Env["MY_MODEL_KEY_NAME"] = "model-key-value";
        h.Env["NOT_NAMED"] = "nope";
        h.Script("agent", "git config --get-all credential.helper > \"$R/helper\"; echo x >> docs/guide.md");

        var agent = Fixtures.Agent(command: ["agent"], env: ["AGENT_RECORD", "MY_MODEL_KEY_NAME"]);
        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        var env = h.Recorded("env").Split('\n').Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        env.ShouldNotContainKey("GITHUB_TOKEN");
        env.ShouldNotContainKey("GH_TOKEN");
        env.ShouldNotContainKey("NOT_NAMED");
        env.ShouldNotContainKey("AUTOSHIP_TEST_INHERITED");
        env["MY_MODEL_KEY_NAME"].ShouldBe("model-key-value");
        env["HOME"].ShouldStartWith(Path.Combine(h.State, "runs"));
        env["GIT_CONFIG_GLOBAL"].ShouldBe("/dev/null");
        env["GIT_TERMINAL_PROMPT"].ShouldBe("0");
        h.Recorded("helper").Trim().ShouldBeEmpty();
        File.ReadAllText(result.Run.LogPath!).ShouldNotContain(Harness.GitHubToken);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("GH_TOKEN")]
    [InlineData("AUTOSHIP_FORGE_TOKEN")]
    [InlineData("GITHUB_APP_ID")]
    [InlineData("DEPLOY_PRIVATE_KEY")]
    public async Task RunAuthorAsync_AgentNamesForgeToken_RefusedBeforeStarting(string name)
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo x >> docs/guide.md");
        var agent = Fixtures.Agent(command: ["agent"], env: ["AGENT_RECORD", name]);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.ShouldContain(r => r.Code == "env.forbidden" && r.Message.Contains(name, StringComparison.Ordinal));
        h.Ran.ShouldBeFalse();
    }

    [Fact]
    public async Task RunAuthorAsync_AgentTriesToPush_FailsAndRemoteIsUnchanged()
    {
        using var h = await Harness.CreateAsync();
        // The cache clone's origin is a forge URL the agent has no credentials for (loopback, nothing listening).
        await h.Repo.GitAsync("remote", "set-url", "origin", "http://127.0.0.1:9/acme/app.git");
        h.Script("agent", "echo x >> docs/guide.md; git -c user.name=a -c user.email=a@b commit -qam evil; git push origin HEAD:refs/heads/main > \"$R/push.out\" 2>&1; echo $? > \"$R/push\"");
        var remoteBefore = await h.Repo.RemoteRefsAsync();

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        h.Recorded("push").Trim().ShouldNotBe("0");
        (await h.Repo.RemoteRefsAsync()).ShouldBe(remoteBefore);
        // The agent's own commit is not what the harness commits: the harness commits the checked tree on the base.
        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        (await h.Repo.GitAsync("rev-parse", result.CommitSha + "^")).ShouldBe(h.Repo.BaseSha);
    }

    [Fact]
    public async Task RunAuthorAsync_NoChanges_ReportsNoChanges()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "true");
        var order = Fixtures.Order();
        var result = await h.Runner().RunAuthorAsync(h.Author(order, Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.NoChanges);
        result.CommitSha.ShouldBeNull();
        (await h.BranchAsync(order)).ShouldBeNull();
    }

    [Fact]
    public async Task RunAuthorAsync_ValidationFails_NothingCommitted()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo x >> docs/guide.md");
        var order = Fixtures.Order(validation: "echo broken; exit 3");

        var result = await h.Runner().RunAuthorAsync(h.Author(order, Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.ValidationFailed);
        result.Run.ValidationExitCode.ShouldBe(3);
        result.CommitSha.ShouldBeNull();
        (await h.BranchAsync(order)).ShouldBeNull();
        File.ReadAllText(result.Run.LogPath!).ShouldContain("broken");
    }

    [Fact]
    public async Task RunAuthorAsync_AgentExitsNonZero_AgentFailedWithExitCode()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo x >> docs/guide.md; exit 7");
        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Run.ExitCode.ShouldBe(7);
        result.Reasons.Single().Code.ShouldBe("agent.exit-code");
    }

    [Fact]
    public async Task RunAuthorAsync_BrokenRepository_ReturnsAgentFailedInsteadOfThrowing()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo x >> docs/guide.md");
        var request = h.Author(Fixtures.Order(), Fixtures.Agent(command: ["agent"])) with { BaseSha = "0000000000000000000000000000000000000000" };
        var result = await new AgentRunner(new AgentRunnerOptions(h.State) { HarnessEnvironment = h.Env, Guardrails = new CoreGuardrailCheck(), Retry = Polly.ResiliencePipeline.Empty })
            .RunAuthorAsync(request, TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.Single().Code.ShouldBe("run.error");
        result.Run.ExitReason.ShouldStartWith("AgentFailed");
    }

    [Fact]
    public async Task CleanupLeftoversAsync_AfterCrash_RemovesStaleWorktrees()
    {
        using var h = await Harness.CreateAsync();
        var manager = new WorktreeManager(h.Repo.Path, Path.Combine(h.State, "worktrees"));
        await manager.CreateAsync("crashed-run", "autoship/1-x", h.Repo.BaseSha, TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(h.State, "worktrees", "half-made"));

        var removed = await h.Runner().CleanupLeftoversAsync(h.Repo.Path, TestContext.Current.CancellationToken);

        removed.ShouldBe(2);
        Directory.GetDirectories(Path.Combine(h.State, "worktrees")).ShouldBeEmpty();
        (await GitCli.RunAsync(h.Repo.Path, "worktree", "list")).Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task CleanupLeftoversAsync_DirectoryGoneButGitStillRecordsIt_PrunesSoTheBranchCanBeCheckedOutAgain()
    {
        // A crash between deleting a worktree's directory and pruning it: the root is empty, git still lists it.
        using var h = await Harness.CreateAsync();
        var root = Path.Combine(h.State, "worktrees");
        var manager = new WorktreeManager(h.Repo.Path, root);
        var crashed = await manager.CreateAsync("crashed-run", "autoship/1-x", h.Repo.BaseSha, TestContext.Current.CancellationToken);
        Directory.Delete(crashed.Path, recursive: true);
        (await GitCli.RunAsync(h.Repo.Path, "worktree", "list")).Split('\n').Length.ShouldBe(2, "git still records the deleted worktree");

        await manager.CleanupLeftoversAsync(TestContext.Current.CancellationToken);

        (await GitCli.RunAsync(h.Repo.Path, "worktree", "list")).Split('\n').Length.ShouldBe(1, "the stale record was pruned");
        var again = await manager.CreateAsync("next-run", "autoship/1-x", h.Repo.BaseSha, TestContext.Current.CancellationToken);
        Directory.Exists(again.Path).ShouldBeTrue();
        (await manager.CleanupLeftoversAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        (await manager.CleanupLeftoversAsync(TestContext.Current.CancellationToken)).ShouldBe(0, "nothing is left the second time");
    }
}
