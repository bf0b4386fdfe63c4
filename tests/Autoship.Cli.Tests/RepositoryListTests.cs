using Autoship.Cli.Commands;
using Autoship.Cli.Serve;

namespace Autoship.Cli.Tests;

/// <summary>The repository list of <c>serve --repos FILE</c> and the <c>--repo</c>/<c>--forge</c> flags: read, or refused with file:line:col.</summary>
public sealed class RepositoryListTests
{
    [Fact]
    public void Parse_SpecsAndEntries_EachWithItsInterval()
    {
        var list = RepositoryList.Parse("repositories:\n  - github:octo/app\n  - forge: local:./docs\n    every: 30s\n", "repos.yml");

        list.ShouldBe([new ServedRepository("github:octo/app"), new ServedRepository("local:./docs", TimeSpan.FromSeconds(30))]);
    }

    [Theory]
    [InlineData("repositories:\n  - gitlab:octo/app\n", "repos.yml:2:5: ")]
    [InlineData("repositories:\n  - github:octo\n", "repos.yml:2:5: ")]
    [InlineData("repositories:\n  - forge: github:octo/app\n    every: soon\n", "repos.yml:3:12: ")]
    [InlineData("repositories:\n  - forge: github:octo/app\n    shedule: 1m\n", "repos.yml:3:5: unknown key 'shedule'")]
    [InlineData("repos:\n  - github:octo/app\n", "repos.yml:1:1: unknown key 'repos'")]
    [InlineData("repositories:\n  - github:octo/app\n  - GitHub:octo/app\n", "repos.yml:3:5: GitHub:octo/app is listed twice")]
    [InlineData("repositories: []\n", "repos.yml:1:1: 'repositories' lists no repository")]
    [InlineData("repositories:\n  - every: 1m\n", "repos.yml:2:5: this entry has no 'forge:'")]
    [InlineData("repositories: [unclosed\n", "repos.yml:")]
    public void Parse_Mistake_IsRefusedWithItsPosition(string text, string start)
    {
        var error = Should.Throw<CliUsageException>(() => RepositoryList.Parse(text, "repos.yml"));

        error.Message.ShouldStartWith(start);
    }

    [Fact]
    public void Flags_ForgeRepoAndFile_AreOneListWithTheDefaultInterval()
    {
        using var temp = new TempDir();
        var file = temp.Combine("repos.yml");
        File.WriteAllText(file, "repositories:\n  - forge: github:octo/c\n    every: 10s\n");

        var list = ServeCommand.Repositories("github:octo/a", ["github:octo/b"], new FileInfo(file), TimeSpan.FromMinutes(1));

        list.Select(r => (r.Forge, r.Every)).ShouldBe([("github:octo/a", TimeSpan.FromMinutes(1)), ("github:octo/b", TimeSpan.FromMinutes(1)), ("github:octo/c", TimeSpan.FromSeconds(10))]);
        Should.Throw<CliUsageException>(() => ServeCommand.Repositories(null, [], null, null)).Message.ShouldContain("no repository to serve");
        Should.Throw<CliUsageException>(() => ServeCommand.Repositories("github:octo/a", ["github:octo/a"], null, null)).Message.ShouldContain("listed twice");
        Should.Throw<CliUsageException>(() => RepositoryList.Interval("0s", "--every: ")).Message.ShouldStartWith("--every: '0s'");
    }
}
