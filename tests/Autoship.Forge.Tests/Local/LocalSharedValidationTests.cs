using Autoship.Core;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>
/// The harness's validation shared with local CI (<see cref="ISharedValidation"/>): a pass on a clean checkout is
/// reused only for the same tree and the same entrypoint; a failure, another tree or another entrypoint runs again,
/// and a checkout with anything the commit does not hold is refused before anything runs.
/// </summary>
public sealed class LocalSharedValidationTests
{
    private const string Counting = "echo run >> \"$AUTOSHIP_FORGE_DIR/runs\"; test ! -e BROKEN\n";

    private static readonly Dictionary<string, string> Seed = new()
    {
        ["scripts/test.sh"] = Counting,
        ["scripts/other.sh"] = Counting,
        [".gitignore"] = "*.log\n",
    };

    private static int Runs(LocalForgeFixture fx) =>
        File.Exists(Path.Combine(fx.ForgeDir, "runs")) ? File.ReadAllLines(Path.Combine(fx.ForgeDir, "runs")).Length : 0;

    private static async Task<string> CheckoutAsync(LocalForgeFixture fx, string sha)
    {
        var path = Path.Combine(fx.Root, "checkout-" + Guid.NewGuid().ToString("N")[..8]);
        await GitCli.RunAsync(fx.Clone, "worktree", "add", "--quiet", "--detach", path, sha);
        return path;
    }

    private static Task<string> TreeAsync(LocalForgeFixture fx, string sha) => GitCli.RunAsync(fx.Clone, "rev-parse", sha + "^{tree}");

    private static async Task<CheckSnapshot> CheckAfterPushAsync(LocalForgeFixture fx, LocalForge bot, string branch)
    {
        await bot.PushBranchAsync(fx.Clone, branch, null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest(branch, "main", "B", string.Empty, []), CancellationToken.None);
        return pr.Checks.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Pass_SameTreeSameEntrypoint_CiReusesItWithoutRunning()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var validated = await fx.CommitAsync("autoship/scratch", new Dictionary<string, string?> { ["docs.md"] = "same\n" }, "the harness's commit");
        var run = await bot.ValidateCheckoutAsync(await CheckoutAsync(fx, validated), validated, "scripts/test.sh", CancellationToken.None);
        run.Passed.ShouldBeTrue(run.Output);
        run.Cached.ShouldBeFalse();
        (await bot.FindPassAsync(await TreeAsync(fx, validated), "scripts/test.sh", CancellationToken.None)).ShouldNotBeNull().Cached.ShouldBeTrue();
        var pushed = await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["docs.md"] = "same\n" }, "the pushed commit, same tree");

        var check = await CheckAfterPushAsync(fx, bot, "autoship/1-a");

        Runs(fx).ShouldBe(1);
        check.State.ShouldBe(CheckState.Success);
        check.Sha.ShouldBe(pushed);
        check.Description.ShouldNotBeNull().ShouldContain($"cached: same tree as {validated[..7]}");
    }

    [Fact]
    public async Task Pass_DifferentTree_CiRunsAgain()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var validated = await fx.CommitAsync("autoship/scratch", new Dictionary<string, string?> { ["docs.md"] = "one\n" });
        (await bot.ValidateCheckoutAsync(await CheckoutAsync(fx, validated), validated, "scripts/test.sh", CancellationToken.None)).Passed.ShouldBeTrue();
        await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["docs.md"] = "two\n" });

        var check = await CheckAfterPushAsync(fx, bot, "autoship/1-a");

        Runs(fx).ShouldBe(2);
        check.Description.ShouldNotBeNull().ShouldNotContain("cached");
    }

    [Fact]
    public async Task Pass_DifferentEntrypoint_NeverReused()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var validated = await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["docs.md"] = "same\n" });
        (await bot.ValidateCheckoutAsync(await CheckoutAsync(fx, validated), validated, "scripts/other.sh", CancellationToken.None)).Passed.ShouldBeTrue();
        (await bot.FindPassAsync(await TreeAsync(fx, validated), "scripts/test.sh", CancellationToken.None)).ShouldBeNull();

        var check = await CheckAfterPushAsync(fx, bot, "autoship/1-a");

        Runs(fx).ShouldBe(2);
        check.Description.ShouldNotBeNull().ShouldNotContain("cached");
    }

    [Fact]
    public async Task Failure_SameTree_NeverReused()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var validated = await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["BROKEN"] = "x\n" });
        var run = await bot.ValidateCheckoutAsync(await CheckoutAsync(fx, validated), validated, "scripts/test.sh", CancellationToken.None);
        run.Passed.ShouldBeFalse();
        run.ExitCode.ShouldNotBe(0);
        (await bot.FindPassAsync(await TreeAsync(fx, validated), "scripts/test.sh", CancellationToken.None)).ShouldBeNull();

        var check = await CheckAfterPushAsync(fx, bot, "autoship/1-a");

        Runs(fx).ShouldBe(2);
        check.State.ShouldBe(CheckState.Failure);
    }

    [Theory]
    [InlineData("untracked")]
    [InlineData("ignored")]
    [InlineData("modified")]
    [InlineData("other-commit")]
    public async Task UncleanCheckout_RefusedBeforeAnythingRuns(string dirt)
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        var first = await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["docs.md"] = "one\n" });
        var second = await fx.CommitAsync("autoship/1-a", new Dictionary<string, string?> { ["docs.md"] = "two\n" });
        var checkout = await CheckoutAsync(fx, dirt == "other-commit" ? first : second);
        switch (dirt)
        {
            case "untracked":
                await File.WriteAllTextAsync(Path.Combine(checkout, "left-behind.txt"), "x\n");
                break;
            case "ignored":
                await File.WriteAllTextAsync(Path.Combine(checkout, "agent.log"), "x\n");
                break;
            case "modified":
                await File.WriteAllTextAsync(Path.Combine(checkout, "docs.md"), "changed\n");
                break;
        }

        var refused = await Should.ThrowAsync<ForgeException>(() => bot.ValidateCheckoutAsync(checkout, second, "scripts/test.sh", CancellationToken.None));

        refused.Code.ShouldBe("validation.unclean");
        refused.Message.ShouldContain("not a clean checkout");
        Runs(fx).ShouldBe(0);
        (await bot.FindPassAsync(await TreeAsync(fx, second), "scripts/test.sh", CancellationToken.None)).ShouldBeNull();
    }
}
