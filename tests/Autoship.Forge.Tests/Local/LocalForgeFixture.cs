using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>A temp directory holding a seeded local forge and a working clone, removed on dispose.</summary>
public sealed class LocalForgeFixture : IAsyncDisposable
{
    private readonly List<LocalForge> opened = [];

    private LocalForgeFixture(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string ForgeDir => Path.Combine(Root, "forge");

    public string Clone => Path.Combine(Root, "clone");

    public TestClock Clock { get; } = new();

    public const string Owner = "olivia";

    /// <summary>Creates a forge whose main holds <paramref name="seed"/>, plus a clone of it.</summary>
    public static async Task<LocalForgeFixture> CreateAsync(IReadOnlyDictionary<string, string> seed)
    {
        var fixture = new LocalForgeFixture(Path.Combine(Path.GetTempPath(), "autoship-forge-test-" + Guid.NewGuid().ToString("N")[..12]));
        var seedDir = Path.Combine(fixture.Root, "seed");
        WriteFiles(seedDir, seed);
        await using (var forge = await LocalForge.InitAsync(fixture.ForgeDir, Owner, fixture.Clock, seedDir, CancellationToken.None))
        {
            await forge.AddUserAsync("wendy", LocalRole.Writer, CancellationToken.None);
            await forge.AddUserAsync("rita", LocalRole.Reader, CancellationToken.None);
        }

        await GitCli.RunAsync(fixture.Root, "clone", "--quiet", Path.Combine(fixture.ForgeDir, "repo.git"), "clone");
        return fixture;
    }

    public async Task<LocalForge> OpenAsync(string actingAs = LocalForge.HarnessLogin, bool runCi = false)
    {
        var forge = await LocalForge.OpenAsync(ForgeDir, actingAs, Clock, new LocalForgeOptions { RunCi = runCi, CiTimeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
        opened.Add(forge);
        return forge;
    }

    /// <summary>Commits <paramref name="files"/> (null content deletes) on a new or existing branch of the clone, starting from origin/main when new.</summary>
    public async Task<string> CommitAsync(string branch, IReadOnlyDictionary<string, string?> files, string message = "change")
    {
        await GitCli.RunAsync(Clone, "fetch", "--quiet", "origin");
        var exists = (await GitCli.TryRunAsync(Clone, ["rev-parse", "--verify", "--quiet", "refs/heads/" + branch])).Ok;
        await GitCli.RunAsync(Clone, exists ? ["checkout", "--quiet", branch] : ["checkout", "--quiet", "-b", branch, "origin/main"]);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Clone, path);
            if (content is null)
            {
                File.Delete(full);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
            }
        }

        await GitCli.RunAsync(Clone, "add", "-A");
        await GitCli.RunAsync(Clone, "commit", "--quiet", "-m", message);
        return await GitCli.RunAsync(Clone, "rev-parse", "HEAD");
    }

    public Task<string> BareGitAsync(params string[] args) => GitCli.RunAsync(Path.Combine(ForgeDir, "repo.git"), args);

    public static void WriteFiles(string directory, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var forge in opened)
        {
            await forge.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
