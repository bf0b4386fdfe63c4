using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeInitTests
{
    private static readonly Dictionary<string, string> Seed = new() { ["README.md"] = "# hello\n", [".gitattributes"] = "* text=auto\n" };

    [Fact]
    public async Task InitAsync_WithSeed_MainHoldsOneCommitWithTheSeed()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync();

        (await forge.ReadFileAsync("README.md", null, CancellationToken.None)).ShouldBe("# hello\n");
        (await forge.ReadFileAsync("missing.txt", null, CancellationToken.None)).ShouldBeNull();
        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("1");
        (await fx.BareGitAsync("log", "-1", "--format=%an %at", "main")).ShouldBe($"{LocalForgeFixture.Owner} {fx.Clock.GetUtcNow().ToUnixTimeSeconds()}");
        (await fx.BareGitAsync("rev-parse", "--is-bare-repository")).ShouldBe("true");
        File.Exists(Path.Combine(fx.ForgeDir, "forge.db")).ShouldBeTrue();
        Directory.Exists(Path.Combine(fx.ForgeDir, "ci")).ShouldBeTrue();
    }

    [Fact]
    public async Task InitAsync_ExistingForge_Throws()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var e = await Should.ThrowAsync<ForgeException>(() => LocalForge.InitAsync(fx.ForgeDir, "x", fx.Clock, CancellationToken.None));
        e.Code.ShouldBe("exists");
    }

    [Fact]
    public async Task OpenAsync_MissingDirectory_SaysHowToCreateOne()
    {
        var dir = Path.Combine(Path.GetTempPath(), "autoship-nothing-" + Guid.NewGuid().ToString("N"));
        var e = await Should.ThrowAsync<ForgeException>(() => LocalForge.OpenAsync(dir, "x", TimeProvider.System, CancellationToken.None));
        e.Message.ShouldBe($"no local forge at {dir}: create one with 'autoship local init {dir}'");
    }

    [Fact]
    public async Task OpenAsync_UnknownUser_Throws()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var e = await Should.ThrowAsync<ForgeException>(() => fx.OpenAsync("nobody"));
        e.Code.ShouldBe("unknown-user");
    }

    [Theory]
    [InlineData(LocalForgeFixture.Owner, Permission.Admin)]
    [InlineData(LocalForge.HarnessLogin, Permission.Write)]
    [InlineData(LocalForge.ReviewerLogin, Permission.Write)]
    [InlineData("wendy", Permission.Write)]
    [InlineData("rita", Permission.Read)]
    [InlineData("stranger", Permission.None)]
    public async Task GetPermissionAsync_ByRole_MapsToGitHubPermission(string login, Permission expected)
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync();
        (await forge.GetPermissionAsync(login, CancellationToken.None)).ShouldBe(expected);
    }

    [Fact]
    public async Task Usage_CountsCalls_AndRemoteIsTheBareRepository()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync();
        var remote = await forge.GetGitRemoteAsync(CancellationToken.None);
        await forge.ObserveAsync(CancellationToken.None);

        remote.Url.ShouldBe(Path.Combine(Path.GetFullPath(fx.ForgeDir), "repo.git"));
        remote.Environment.ShouldBeEmpty();
        forge.Usage.Requests.ShouldBe(2);
        forge.Name.ShouldBe("local:" + Path.GetFullPath(fx.ForgeDir));
    }

    [Fact]
    public async Task BranchProtection_SetThenGet_RoundTrips_AndNeedsAdmin()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var owner = await fx.OpenAsync(LocalForgeFixture.Owner);
        var protection = new BranchProtection(true, 1, true, ["ci", "autoship/gate"], false, false);
        await owner.SetBranchProtectionAsync("main", protection, CancellationToken.None);

        var read = await owner.GetBranchProtectionAsync("main", CancellationToken.None);
        read.ShouldNotBeNull();
        read.RequiredChecks.ShouldBe(["ci", "autoship/gate"]);
        (read with { RequiredChecks = protection.RequiredChecks }).ShouldBe(protection);
        (await owner.GetBranchProtectionAsync("dev", CancellationToken.None)).ShouldBeNull();
        var bot = await fx.OpenAsync();
        (await Should.ThrowAsync<ForgeException>(() => bot.SetBranchProtectionAsync("main", protection, CancellationToken.None))).Code.ShouldBe("forbidden");
    }

    [Fact]
    public async Task Labels_UpsertListDelete_Work()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var forge = await fx.OpenAsync();
        await forge.UpsertLabelAsync(new("area:api", "#1d76db", "API"), CancellationToken.None);
        await forge.UpsertLabelAsync(new("area:api", "0e8a16", "Backend routes"), CancellationToken.None);
        await forge.UpsertLabelAsync(new("risk:low", "c2e0c6", "Low"), CancellationToken.None);
        await forge.DeleteLabelAsync("risk:low", CancellationToken.None);

        (await forge.ListLabelsAsync(CancellationToken.None)).ShouldBe([new("area:api", "0e8a16", "Backend routes")]);
    }
}
