using Autoship.Forge.Git;

namespace Autoship.Forge.Tests.Git;

/// <summary>
/// The long-lived ref reader answers as a new <c>git rev-parse --verify NAME^{commit}</c> would, whatever other git
/// processes did to the refs in between: moved, packed, moved again while packed, deleted, created, pointed at a new
/// object. Checked against rev-parse itself after every step.
/// </summary>
public sealed class GitRefReaderTests : IDisposable
{
    private readonly string _repo = Path.Combine(Path.GetTempPath(), "autoship-refreader-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task CommitAsync_RefsChangedByOtherProcesses_AgreesWithRevParseEveryTime()
    {
        Directory.CreateDirectory(_repo);
        await GitCli.RunAsync(_repo, "init", "--quiet");
        var commits = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await GitCli.RunAsync(_repo, "commit", "--quiet", "--allow-empty", "-m", $"c{i}");
            commits.Add(await GitCli.RunAsync(_repo, "rev-parse", "HEAD"));
        }

        using var reader = new GitRefReader(_repo);
        var steps = new (string What, string[] Git)[]
        {
            ("create x", ["update-ref", "refs/heads/x", commits[0]]),
            ("move x", ["update-ref", "refs/heads/x", commits[1]]),
            ("pack every ref", ["pack-refs", "--all"]),
            ("move x while packed", ["update-ref", "refs/heads/x", commits[2]]),
            ("an annotated tag", ["tag", "-a", "-m", "t", "v1", commits[0]]),
            ("delete x", ["update-ref", "-d", "refs/heads/x"]),
            ("create y", ["update-ref", "refs/heads/y", commits[1]]),
        };
        string[] names = ["refs/heads/x", "refs/heads/y", "refs/tags/v1", "x", "HEAD", commits[1], commits[1][..12], "refs/heads/none", "-x"];
        foreach (var (what, git) in steps)
        {
            await GitCli.RunAsync(_repo, git);
            foreach (var name in names)
            {
                var expected = await GitCli.TryRunAsync(_repo, ["rev-parse", "--verify", "--quiet", name + "^{commit}"]);
                var answer = await reader.CommitAsync(name, CancellationToken.None);
                answer.ShouldNotBeNull($"after {what}: the reader answered nothing for {name}");
                answer.ShouldBe(expected.Ok ? expected.Stdout.Trim() : GitRefReader.Missing, $"after {what}: {name}");
            }
        }

        // A commit made after the reader started is found through a ref that names it.
        await GitCli.RunAsync(_repo, "commit", "--quiet", "--allow-empty", "-m", "later");
        var later = await GitCli.RunAsync(_repo, "rev-parse", "HEAD");
        await GitCli.RunAsync(_repo, "update-ref", "refs/heads/z", later);
        (await reader.CommitAsync("refs/heads/z", CancellationToken.None)).ShouldBe(later);
    }

    [Fact]
    public async Task CommitAsync_NameWithANewline_NotAskedSoTheAnswersStayInStep()
    {
        Directory.CreateDirectory(_repo);
        await GitCli.RunAsync(_repo, "init", "--quiet");
        await GitCli.RunAsync(_repo, "commit", "--quiet", "--allow-empty", "-m", "c");
        var head = await GitCli.RunAsync(_repo, "rev-parse", "HEAD");
        using var reader = new GitRefReader(_repo);

        (await reader.CommitAsync("HEAD\nHEAD", CancellationToken.None)).ShouldBeNull("two questions in one would shift every later answer");
        (await reader.CommitAsync("HEAD", CancellationToken.None)).ShouldBe(head);
    }

    public void Dispose()
    {
        if (Directory.Exists(_repo))
        {
            Directory.Delete(_repo, recursive: true);
        }
    }
}
