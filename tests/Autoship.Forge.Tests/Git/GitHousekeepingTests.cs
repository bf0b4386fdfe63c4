using Autoship.Forge.Git;

namespace Autoship.Forge.Tests.Git;

public sealed class GitHousekeepingTests
{
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(27, 0, false)]
    [InlineData(28, 0, true)]
    [InlineData(0, 50, false)]
    [InlineData(0, 51, true)]
    public void IsDue_GitsAutoGcThreshold_LooseObjectsSampledInOneFanOutDirectoryOrTooManyPacks(int looseIn17, int packs, bool due)
    {
        var objects = Directory.CreateTempSubdirectory("autoship-objects-").FullName;
        Directory.CreateDirectory(Path.Combine(objects, "17"));
        Directory.CreateDirectory(Path.Combine(objects, "pack"));
        for (var i = 0; i < looseIn17; i++)
        {
            File.WriteAllText(Path.Combine(objects, "17", i.ToString("x38", System.Globalization.CultureInfo.InvariantCulture)), string.Empty);
        }

        for (var i = 0; i < packs; i++)
        {
            File.WriteAllText(Path.Combine(objects, "pack", $"pack-{i:x40}.pack"), string.Empty);
        }

        GitHousekeeping.IsDue(objects).ShouldBe(due);
        Directory.Delete(objects, recursive: true);
    }

    [Fact]
    public async Task RunIfDueAsync_ManyLooseObjects_PacksThemAndThenIsNotDue()
    {
        var ct = TestContext.Current.CancellationToken;
        var repo = Directory.CreateTempSubdirectory("autoship-gc-").FullName;
        var objects = Path.Combine(repo, ".git", "objects");
        await GitCli.RunAsync(repo, ["init", "-q"], cancellationToken: ct);
        (await GitHousekeeping.RunIfDueAsync(repo, objects, ct)).ShouldBeFalse("an empty repository is not due");

        // Enough committed blobs that objects/17 passes git's sample threshold (about 28 of every 7,200 land there).
        for (var i = 0; i < 9000; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(repo, $"blob-{i}"), $"blob {i}\n", ct);
        }

        await GitCli.RunAsync(repo, ["add", "-A"], cancellationToken: ct);
        await GitCli.RunAsync(repo, ["commit", "-q", "-m", "many"], cancellationToken: ct);
        GitHousekeeping.IsDue(objects).ShouldBeTrue();

        (await GitHousekeeping.RunIfDueAsync(repo, objects, ct, detach: false)).ShouldBeTrue();
        GitHousekeeping.IsDue(objects).ShouldBeFalse("gc --auto packed the loose objects");
        Directory.Delete(repo, recursive: true);
    }

    [Fact]
    public async Task GitCli_EveryProcess_RunsWithGitsAutomaticHousekeepingOff()
    {
        var repo = Directory.CreateTempSubdirectory("autoship-gc-").FullName;
        await GitCli.RunAsync(repo, ["init", "--bare", "-q"], cancellationToken: TestContext.Current.CancellationToken);

        (await GitCli.RunAsync(repo, ["config", "--get", "maintenance.auto"], cancellationToken: TestContext.Current.CancellationToken)).ShouldBe("false");
        (await GitCli.RunAsync(repo, ["config", "--get", "receive.autogc"], cancellationToken: TestContext.Current.CancellationToken)).ShouldBe("false");
        Directory.Delete(repo, recursive: true);
    }

    [Fact]
    public async Task GitCli_CallersOwnConfigEntries_KeptAlongsideHousekeepingOff()
    {
        var ct = TestContext.Current.CancellationToken;
        var repo = Directory.CreateTempSubdirectory("autoship-gc-").FullName;
        await GitCli.RunAsync(repo, ["init", "--bare", "-q"], cancellationToken: ct);
        var env = new Dictionary<string, string> { ["GIT_CONFIG_COUNT"] = "1", ["GIT_CONFIG_KEY_0"] = "http.example.extraheader", ["GIT_CONFIG_VALUE_0"] = "AUTHORIZATION: basic x" };

        (await GitCli.RunAsync(repo, ["config", "--get", "http.example.extraheader"], env, cancellationToken: ct)).ShouldBe("AUTHORIZATION: basic x");
        (await GitCli.RunAsync(repo, ["config", "--get", "maintenance.auto"], env, cancellationToken: ct)).ShouldBe("false");
        Directory.Delete(repo, recursive: true);
    }
}
