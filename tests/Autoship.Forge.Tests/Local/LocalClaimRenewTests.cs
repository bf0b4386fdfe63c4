using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>The claim heartbeat on the local forge: only the holder renews its own ref, and never a released one.</summary>
public sealed class LocalClaimRenewTests
{
    private static readonly Dictionary<string, string> Seed = new() { ["README.md"] = "# x\n" };
    private static readonly DateTimeOffset Since = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ForgeClaim Claim(string holder) => ForgeClaim.ForAttempt(3, 1, holder, "main") with
    {
        Process = "h/1/2/x",
        Since = Since,
        Inline = true,
        HeartbeatInterval = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public async Task RenewClaimAsync_ByItsHolder_RewritesTheRenewalTimeThatOthersRead()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync("wendy");
        var ct = CancellationToken.None;
        (await forge.ClaimAsync(Claim("a"), ct)).Created.ShouldBeTrue();
        var before = await forge.ClaimAsync(Claim("b"), ct);
        before.Renewed.ShouldBe(Since, "until the first renewal, the claim counts as renewed when it was made");
        before.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(20));

        (await forge.RenewClaimAsync(Claim("a") with { Renewed = Since.AddMinutes(3) }, ct)).ShouldBeTrue();

        var after = await forge.ClaimAsync(Claim("b"), ct);
        after.Created.ShouldBeFalse();
        after.Holder.ShouldBe("a");
        after.Renewed.ShouldBe(Since.AddMinutes(3));
        after.Since.ShouldBe(Since, "a renewal keeps when the claim was made");
        after.Inline.ShouldBeTrue();
        after.Finished.ShouldBeFalse();
    }

    [Fact]
    public async Task RenewClaimAsync_OfAnotherHoldersRef_WritesNothing()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync("wendy");
        var ct = CancellationToken.None;
        (await forge.ClaimAsync(Claim("a"), ct)).Created.ShouldBeTrue();

        (await forge.RenewClaimAsync(Claim("b") with { Renewed = Since.AddMinutes(3) }, ct)).ShouldBeFalse();

        var seen = await forge.ClaimAsync(Claim("c"), ct);
        seen.Holder.ShouldBe("a");
        seen.Renewed.ShouldBe(Since);
    }

    [Fact]
    public async Task RenewClaimAsync_AfterTheRelease_DoesNotBringTheRefBack()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync("wendy");
        var ct = CancellationToken.None;
        (await forge.ClaimAsync(Claim("a"), ct)).Created.ShouldBeTrue();
        await forge.ReleaseClaimsAsync(3, ct);

        (await forge.RenewClaimAsync(Claim("a") with { Renewed = Since.AddMinutes(3) }, ct)).ShouldBeFalse();

        (await forge.ClaimAsync(Claim("b"), ct)).Created.ShouldBeTrue("the released key is free for the next claimer");
    }

    [Fact]
    public void Text_WithHeartbeatAndFinish_ReadsBackEveryField()
    {
        var claim = Claim("a") with { Generation = 2, Renewed = Since.AddSeconds(90), Finished = true };

        var read = ForgeClaim.Read(claim.Text, 2);

        read.Holder.ShouldBe("a");
        read.Process.ShouldBe("h/1/2/x");
        read.Since.ShouldBe(Since);
        read.Renewed.ShouldBe(Since.AddSeconds(90));
        read.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(20));
        read.Finished.ShouldBeTrue();
        read.Generation.ShouldBe(2);
        ForgeClaim.Read(ForgeClaim.ForAttempt(3, 1, "old", "main").Text, 0).HeartbeatInterval.ShouldBeNull("an older claim promises no heartbeat");
    }
}
