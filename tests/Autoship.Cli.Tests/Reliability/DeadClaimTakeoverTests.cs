using Autoship.Forge;
using Autoship.Forge.Git;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// A claim ref whose holder died before it wrote its state comment (a real tick killed with SIGKILL right after the
/// <c>claim</c> write) must not block the item forever: the same orchestrator goes on with its own ref, and another
/// orchestrator (its own store and state directory) takes it over because the holder's process is provably gone.
/// A claim made on another host is taken over only once it is older than loop.claimTimeout (the time the claim
/// object itself carries), never before.
/// </summary>
public sealed class DeadClaimTakeoverTests
{
    private static Dictionary<string, string> Orchestrator(CampaignForge forge, string name, string? crashAfter = null)
    {
        var env = new Dictionary<string, string> { ["AUTOSHIP_STATE_DIR"] = Path.Combine(forge.Root, "state-" + name) };
        if (crashAfter is not null)
        {
            env["AUTOSHIP_CRASH_AFTER"] = crashAfter;
        }

        return env;
    }

    private static string Store(CampaignForge forge, string name) => Path.Combine(forge.Root, $"state-{name}.db");

    private static async Task KillAfterClaimAsync(CampaignForge forge, string name)
    {
        var killed = await forge.TickAsync(Orchestrator(forge, name, "claim"), Store(forge, name));
        killed.ExitCode.ShouldBe(137, "the hook must SIGKILL the tick right after its claim ref: " + killed);
        (await ClaimRefsAsync(forge)).ShouldBe(["refs/autoship/claims/1/1"], "the claim ref is written, and nothing after it");
    }

    private static async Task<string[]> ClaimRefsAsync(CampaignForge forge) =>
        (await GitCli.RunAsync(Path.Combine(forge.Directory, "repo.git"), "for-each-ref", "--format=%(refname)", ForgeClaim.RefPrefix))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task ClaimRef_HolderKilledBeforeItsComment_AnotherOrchestratorTakesItOverAndTheItemIsMerged()
    {
        using var forge = await CampaignForge.CreateAsync(issues: 1);
        await KillAfterClaimAsync(forge, "a");

        var b = await forge.TickAsync(Orchestrator(forge, "b"), Store(forge, "b"));

        b.ExitCode.ShouldBe(0, b.ToString());
        b.Stdout.ShouldNotContain("claim-taken");
        (await forge.InvariantsAsync()).ShouldBeEmpty("orchestrator b took the dead claim over and finished the item: " + b.Stdout);
    }

    [Fact]
    public async Task ClaimRef_HolderKilledBeforeItsComment_TheSameOrchestratorGoesOnWithItsOwnRef()
    {
        using var forge = await CampaignForge.CreateAsync(issues: 1);
        await KillAfterClaimAsync(forge, "a");

        var again = await forge.TickAsync(Orchestrator(forge, "a"), Store(forge, "a"));

        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldNotContain("claim-taken");
        (await forge.InvariantsAsync()).ShouldBeEmpty(again.Stdout);
    }

    [Fact]
    public async Task ClaimRef_AnotherStoreInTheSameStateDirectory_IsAnotherOrchestratorThatTakesTheDeadClaimOver()
    {
        using var forge = await CampaignForge.CreateAsync(issues: 1);
        // One state directory (as the default one beside a local forge is for everyone), two stores.
        var shared = new Dictionary<string, string> { ["AUTOSHIP_STATE_DIR"] = Path.Combine(forge.Root, "state-shared") };
        var killed = await forge.TickAsync(new Dictionary<string, string>(shared) { ["AUTOSHIP_CRASH_AFTER"] = "claim" }, Store(forge, "a"));
        killed.ExitCode.ShouldBe(137, "the hook must SIGKILL the tick right after its claim ref: " + killed);

        var b = await forge.TickAsync(shared, Store(forge, "b"));

        b.ExitCode.ShouldBe(0, b.ToString());
        b.Stdout.ShouldContain("claim-holder-dead", customMessage: "the store at b is another orchestrator: it takes the dead claim over instead of holding it as its own: " + b.Stdout);
        (await forge.InvariantsAsync()).ShouldBeEmpty(b.Stdout);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(0, false)]
    public async Task ClaimRef_MadeOnAnotherHost_IsTakenOverOnlyPastTheClaimTimeout(int hoursAgo, bool takenOver)
    {
        using var forge = await CampaignForge.CreateAsync(issues: 1);
        // What an orchestrator on another host leaves when it dies right after its claim write (loop.claimTimeout is 2h).
        var claim = ForgeClaim.ForAttempt(1, 1, "elsewhere/0123", "main") with
        {
            Process = "elsewhere/4242/987654/abcd1234",
            Since = DateTimeOffset.UtcNow - TimeSpan.FromHours(hoursAgo),
        };
        var bare = Path.Combine(forge.Directory, "repo.git");
        var blob = (await GitCli.RunAsync(bare, ["hash-object", "-w", "--stdin"], stdin: claim.Text)).Trim();
        await GitCli.RunAsync(bare, "update-ref", claim.Ref, blob);

        var b = await forge.TickAsync(Orchestrator(forge, "b"), Store(forge, "b"));

        b.ExitCode.ShouldBe(0, b.ToString());
        if (takenOver)
        {
            (await forge.InvariantsAsync()).ShouldBeEmpty(b.Stdout);
        }
        else
        {
            b.Stdout.ShouldContain("claim-taken");
            (await ClaimRefsAsync(forge)).ShouldBe([claim.Ref], "a live foreign claim is left alone");
            (await forge.InvariantsAsync()).ShouldContain(v => v.Contains("0 PRs in all", StringComparison.Ordinal), "no agent ran under another host's live claim");
        }

    }
}
