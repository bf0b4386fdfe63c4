using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeCiTests
{
    private static readonly Dictionary<string, string> Seed = new()
    {
        ["scripts/test.sh"] = "echo validating; test ! -e BROKEN\n",
        ["scripts/deploy-staging.sh"] = "test ! -e STAGING_FAIL && mkdir -p \"$AUTOSHIP_FORGE_DIR/staging\" && echo \"$AUTOSHIP_DEPLOY_SHA\" > \"$AUTOSHIP_FORGE_DIR/staging/current\"\n",
    };

    [Fact]
    public async Task PushBranchAsync_GreenTests_RecordsSuccessfulCheckAndStagingDeployment()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var sha = await fx.CommitAsync("autoship/1-docs", new Dictionary<string, string?> { ["docs.md"] = "hi\n" });

        await bot.PushBranchAsync(fx.Clone, "autoship/1-docs", null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-docs", "main", "Docs", "Fixes #1", []), CancellationToken.None);

        var check = pr.Checks.ShouldHaveSingleItem();
        check.ShouldBe(check with { Name = "ci", State = CheckState.Success, Sha = sha });
        check.Description.ShouldStartWith("scripts/test.sh passed in");
        var log = Path.Combine(fx.ForgeDir, "ci", sha[..7] + "-ci.log");
        File.ReadAllText(log).ShouldContain("validating");
        check.Url.ShouldBe(new Uri(log).AbsoluteUri);
        var deployment = pr.Deployments.ShouldHaveSingleItem();
        deployment.ShouldBe(new DeploymentSnapshot("staging", sha, DeploymentState.Success, fx.Clock.GetUtcNow(), deployment.Url));
        File.ReadAllText(Path.Combine(fx.ForgeDir, "staging", "current")).Trim().ShouldBe(sha);
    }

    [Fact]
    public async Task PushBranchAsync_FailingTests_RecordsFailureAndNoDeployment()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var sha = await fx.CommitAsync("autoship/2-x", new Dictionary<string, string?> { ["BROKEN"] = "x\n" });

        await bot.PushBranchAsync(fx.Clone, "autoship/2-x", null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/2-x", "main", "X", string.Empty, []), CancellationToken.None);

        var check = pr.Checks.ShouldHaveSingleItem();
        check.State.ShouldBe(CheckState.Failure);
        check.Sha.ShouldBe(sha);
        check.Description.ShouldStartWith("scripts/test.sh failed (exit 1)");
        pr.Deployments.ShouldBeEmpty();
    }

    [Fact]
    public async Task PushBranchAsync_StagingFailMarker_RecordsFailedDeployment()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        await fx.CommitAsync("autoship/3-x", new Dictionary<string, string?> { ["STAGING_FAIL"] = "x\n" });

        await bot.PushBranchAsync(fx.Clone, "autoship/3-x", null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/3-x", "main", "X", string.Empty, []), CancellationToken.None);

        pr.Checks.ShouldHaveSingleItem().State.ShouldBe(CheckState.Success);
        pr.Deployments.ShouldHaveSingleItem().State.ShouldBe(DeploymentState.Failure);
    }

    [Fact]
    public async Task PushBranchAsync_NoTestScript_FailsTheCheckSayingSo()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var sha = await fx.CommitAsync("autoship/4-x", new Dictionary<string, string?> { ["scripts/test.sh"] = null });

        await bot.PushBranchAsync(fx.Clone, "autoship/4-x", null, CancellationToken.None);
        var pr = await bot.GetPullRequestAsync(
            (await bot.CreatePullRequestAsync(new NewPullRequest("autoship/4-x", "main", "X", string.Empty, []), CancellationToken.None)).Number, CancellationToken.None);

        pr!.Checks.ShouldHaveSingleItem().ShouldBe(pr.Checks[0] with { State = CheckState.Failure, Sha = sha, Description = "scripts/test.sh is missing: nothing validates this commit" });
    }

    [Fact]
    public async Task PushBranchAsync_StaleLease_IsRejected_AndMainIsRefused()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        var first = await fx.CommitAsync("autoship/5-x", new Dictionary<string, string?> { ["a"] = "1\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/5-x", null, CancellationToken.None);
        await fx.CommitAsync("autoship/5-x", new Dictionary<string, string?> { ["a"] = "2\n" });

        (await Should.ThrowAsync<ForgeException>(() => bot.PushBranchAsync(fx.Clone, "autoship/5-x", null, CancellationToken.None))).Code.ShouldBe("push-rejected");
        await bot.PushBranchAsync(fx.Clone, "autoship/5-x", first, CancellationToken.None);
        (await Should.ThrowAsync<ForgeException>(() => bot.PushBranchAsync(fx.Clone, "main", null, CancellationToken.None))).Code.ShouldBe("protected-branch");
        (await fx.BareGitAsync("rev-parse", "autoship/5-x")).ShouldNotBe(first);
    }

    [Fact]
    public async Task DeployAsync_ARef_RecordsTheDeployment()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var owner = await fx.OpenAsync(LocalForgeFixture.Owner);
        var deployment = await owner.DeployAsync("main", "staging", CancellationToken.None);

        deployment.State.ShouldBe(DeploymentState.Success);
        deployment.Sha.ShouldBe(await fx.BareGitAsync("rev-parse", "main"));
        (await Should.ThrowAsync<ForgeException>(() => owner.DeployAsync("main", "production", CancellationToken.None))).Code.ShouldBe("no-deploy-script");
    }
}
