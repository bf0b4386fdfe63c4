using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalSampleTests
{
    [Fact]
    public async Task Sample_PushedChange_RunsItsRealTestsAndDeploysToStaging()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(LocalSample.Files);
        var bot = await fx.OpenAsync(runCi: true);
        var sha = await fx.CommitAsync("autoship/1-greet", new Dictionary<string, string?> { ["docs/guide.md"] = "# Guide\n\nMore.\n" });

        await bot.PushBranchAsync(fx.Clone, "autoship/1-greet", null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-greet", "main", "Docs", string.Empty, []), CancellationToken.None);

        pr.Checks.ShouldHaveSingleItem().State.ShouldBe(CheckState.Success, pr.Checks[0].Description);
        File.ReadAllText(Path.Combine(fx.ForgeDir, "ci", sha[..7] + "-ci.log")).ShouldContain("Ran 8 tests");
        pr.Deployments.ShouldHaveSingleItem().State.ShouldBe(DeploymentState.Success);
        File.ReadAllText(Path.Combine(fx.ForgeDir, "staging", "current")).Trim().ShouldBe(sha);
    }

    [Fact]
    public async Task Sample_BrokenCode_FailsItsTests()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(LocalSample.Files);
        var bot = await fx.OpenAsync(runCi: true);
        await fx.CommitAsync("autoship/2-break", new Dictionary<string, string?>
        {
            ["src/cli/main.py"] = LocalSample.Files["src/cli/main.py"].Replace("hello, {name}", "bye, {name}", StringComparison.Ordinal),
        });

        await bot.PushBranchAsync(fx.Clone, "autoship/2-break", null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/2-break", "main", "Break", string.Empty, []), CancellationToken.None);

        pr.Checks.ShouldHaveSingleItem().State.ShouldBe(CheckState.Failure);
        pr.Deployments.ShouldBeEmpty();
    }

    [Fact]
    public async Task PushBranchAsync_TestsOverTheTimeLimit_AreKilledAndFail()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(new Dictionary<string, string> { ["scripts/test.sh"] = "sleep 60\n" });
        var bot = await LocalForge.OpenAsync(
            fx.ForgeDir, LocalForge.HarnessLogin, fx.Clock, new LocalForgeOptions { CiTimeout = TimeSpan.FromMilliseconds(500) }, CancellationToken.None);
        await fx.CommitAsync("autoship/3-slow", new Dictionary<string, string?> { ["x"] = "x\n" });

        await bot.PushBranchAsync(fx.Clone, "autoship/3-slow", null, CancellationToken.None);

        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/3-slow", "main", "Slow", string.Empty, []), CancellationToken.None);
        var check = pr.Checks.ShouldHaveSingleItem();
        check.State.ShouldBe(CheckState.Failure);
        check.Description.ShouldStartWith("scripts/test.sh timed out after");
        await bot.DisposeAsync();
    }
}
