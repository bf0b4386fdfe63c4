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
    public async Task ClaimAsync_TakeoverOfOneDeadClaimByEightAtOnce_ExactlyOneWinsTheNextGeneration_AndTheHighestHolds()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var ct = CancellationToken.None;
        var first = await fx.OpenAsync("wendy");
        var since = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        (await first.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "dead", "main") with { Process = "h/1/2/x", Since = since }, ct)).Created.ShouldBeTrue();
        var forges = new List<LocalForge>();
        for (var i = 0; i < 8; i++)
        {
            forges.Add(await fx.OpenAsync("wendy"));
        }

        // Every one read generation 0 (the dead holder's), and tries generation 1.
        var seen = await forges[0].ClaimAsync(ForgeClaim.ForAttempt(3, 1, "peer", "main"), ct);
        seen.ShouldBe(new ClaimResult(false, "dead") { Process = "h/1/2/x", Since = since, Generation = 0 });
        var results = await Task.WhenAll(forges.Select((f, i) => f.ClaimAsync(ForgeClaim.ForAttempt(3, 1, $"peer-{i}", "main") with { Generation = 1 }, ct)));

        results.Count(r => r.Created).ShouldBe(1);
        var winner = results.Single(r => r.Created).Holder!;
        results.ShouldAllBe(r => r.Holder == winner && r.Generation == 1);
        // The dead holder coming back sees the takeover, not its own generation 0.
        var back = await first.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "dead", "main"), ct);
        back.IsHeldBy("dead").ShouldBeFalse();
        back.Holder.ShouldBe(winner);

        await first.ReleaseClaimsAsync(3, ct);
        (await first.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "new", "main"), ct)).ShouldBe(new ClaimResult(true, "new"));
    }

    [Theory]
    [InlineData("refs/autoship/claims/3/1", 0)]
    [InlineData("refs/autoship/claims/3/1.2", 2)]
    [InlineData("refs/autoship/claims/3/10", null)]
    [InlineData("refs/autoship/claims/3/1.x", null)]
    [InlineData("refs/autoship/claims/3/1.0", null)]
    public void GenerationOf_OnlyTheKeyAndItsNumberedTakeovers(string name, int? generation) =>
        ForgeClaim.ForAttempt(3, 1, "a", "main").GenerationOf(name).ShouldBe(generation);

    [Fact]
    public async Task ClaimAsync_Reader_IsRefused()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var reader = await fx.OpenAsync("rita");
        (await Should.ThrowAsync<ForgeException>(() => reader.ClaimAsync(ForgeClaim.ForAttempt(3, 1, "a", "main"), CancellationToken.None))).Code.ShouldBe("forbidden");
    }
}
