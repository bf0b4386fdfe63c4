using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeCiCacheTests
{
    private static readonly Dictionary<string, string> Seed = new()
    {
        // Appends to a file outside the worktree, so the test can count how often the script really ran.
        ["scripts/test.sh"] = "echo run >> \"$AUTOSHIP_FORGE_DIR/runs\"; test ! -e BROKEN\n",
    };

    private static int Runs(LocalForgeFixture fx) =>
        File.Exists(Path.Combine(fx.ForgeDir, "runs")) ? File.ReadAllLines(Path.Combine(fx.ForgeDir, "runs")).Length : 0;

    [Fact]
    public async Task PushBranchAsync_TreeAlreadyPassed_RecordsCachedCheckWithoutRunning()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var first = await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["docs.md"] = "same\n" }, "first");
        await bot.PushBranchAsync(fx.Clone, "autoship/1-a", null, CancellationToken.None);
        var second = await fx.CommitAsync("autoship/2-b", new Dictionary<string, string?> { ["docs.md"] = "same\n" }, "second, same tree");
        (await fx.BareGitAsync("rev-parse", first + "^{tree}")).ShouldBe(await GitCli.RunAsync(fx.Clone, "rev-parse", second + "^{tree}"));

        await bot.PushBranchAsync(fx.Clone, "autoship/2-b", null, CancellationToken.None);

        Runs(fx).ShouldBe(1);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/2-b", "main", "B", string.Empty, []), CancellationToken.None);
        var check = pr.Checks.ShouldHaveSingleItem();
        check.State.ShouldBe(CheckState.Success);
        check.Sha.ShouldBe(second);
        check.Description.ShouldNotBeNull().ShouldContain($"cached: same tree as {first[..7]}");
        File.ReadAllText(Path.Combine(fx.ForgeDir, "ci", second[..7] + "-ci.log")).ShouldContain("cached: tree");
    }

    [Fact]
    public async Task PushBranchAsync_DifferentTree_RunsAgain()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["docs.md"] = "one\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-a", null, CancellationToken.None);
        await fx.CommitAsync("autoship/2-b", new Dictionary<string, string?> { ["docs.md"] = "two\n" });

        await bot.PushBranchAsync(fx.Clone, "autoship/2-b", null, CancellationToken.None);

        Runs(fx).ShouldBe(2);
    }

    [Fact]
    public async Task PushBranchAsync_SameTreeFailedBefore_RunsAgain()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["BROKEN"] = "x\n" }, "first");
        await bot.PushBranchAsync(fx.Clone, "autoship/1-a", null, CancellationToken.None);
        await fx.CommitAsync("autoship/2-b", new Dictionary<string, string?> { ["BROKEN"] = "x\n" }, "second");

        await bot.PushBranchAsync(fx.Clone, "autoship/2-b", null, CancellationToken.None);

        Runs(fx).ShouldBe(2);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/2-b", "main", "B", string.Empty, []), CancellationToken.None);
        pr.Checks.ShouldHaveSingleItem().State.ShouldBe(CheckState.Failure);
    }
}
