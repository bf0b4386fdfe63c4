using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>The local forge's claim refs: a compare-and-set that exactly one of many concurrent claimers wins.</summary>
public sealed class LocalClaimTests
{
    private static readonly Dictionary<string, string> Seed = new() { ["README.md"] = "# x\n" };

    [Fact]
    public async Task ClaimAsync_EightHoldersAtOnce_ExactlyOneCreatesAndTheOthersSeeItsHolder()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forges = new List<LocalForge>();
        for (var i = 0; i < 8; i++)
        {
            forges.Add(await fx.OpenAsync("wendy"));
        }

        var results = await Task.WhenAll(forges.Select((f, i) => f.ClaimAsync(ForgeClaim.ForAttempt(3, 1, $"holder-{i}", "main"), CancellationToken.None)));

        results.Count(r => r.Created).ShouldBe(1);
        var winner = results.Single(r => r.Created).Holder!;
        results.Where(r => !r.Created).ShouldAllBe(r => r.Holder == winner);
        results.Count(r => r.IsHeldBy(winner)).ShouldBe(8);
        results.Count(r => r.IsHeldBy("someone-else")).ShouldBe(1, "only the creator itself may go on under another name");
    }

    [Fact]
    public async Task ClaimAsync_SameHolderAgainAfterAKill_IsItsOwn_AndReleaseLetsANewClaimWin()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync("wendy");
        var ct = CancellationToken.None;
        (await forge.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "a", "main"), ct)).Created.ShouldBeTrue();
        (await forge.ClaimAsync(ForgeClaim.ForReview(3, new string('c', 40), "a", "main"), ct)).Created.ShouldBeTrue();

        var again = await forge.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "a", "main"), ct);
        again.Created.ShouldBeFalse();
        again.IsHeldBy("a").ShouldBeTrue();
        (await forge.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "b", "main"), ct)).IsHeldBy("b").ShouldBeFalse();

        await forge.ReleaseClaimsAsync(3, ct);
        await forge.ReleaseClaimsAsync(3, ct);
        (await forge.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "b", "main"), ct)).Created.ShouldBeTrue();
    }

    [Fact]
    public async Task ClaimAsync_Reader_IsRefused()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var reader = await fx.OpenAsync("rita");
        (await Should.ThrowAsync<ForgeException>(() => reader.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "a", "main"), CancellationToken.None))).Code.ShouldBe("forbidden");
    }
}
