using Autoship.Core;
using Autoship.Forge.Git;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeGitReadTests
{
    private static readonly Dictionary<string, string> Seed = new()
    {
        ["README.md"] = "# hello\n",
        [".github/autoship.yml"] = "version: 1\n",
        [".gitattributes"] = "* text=auto\n",
    };

    [Fact]
    public async Task ObserveAsync_SecondTimeNothingChanged_OnlyReadsTheRefsInOneGitProcess()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        foreach (var n in new[] { 1, 2, 3 })
        {
            await bot.CreateIssueAsync($"Issue {n}", "body", [Labels.Ready], CancellationToken.None);
            await fx.CommitAsync($"autoship/{n}-x", new Dictionary<string, string?> { [$"f{n}.txt"] = $"{n}\n" });
            await bot.PushBranchAsync(fx.Clone, $"autoship/{n}-x", null, CancellationToken.None);
            await bot.CreatePullRequestAsync(new NewPullRequest($"autoship/{n}-x", "main", $"PR {n}", $"Fixes #{n}", []), CancellationToken.None);
        }

        await bot.ObserveAsync(CancellationToken.None);
        RepositorySnapshot second;
        using (var launches = GitLaunches.Start())
        {
            second = await bot.ObserveAsync(CancellationToken.None);
            launches.Value.ShouldBe(1); // for-each-ref; the files at main's commit and each pull request's diff are remembered
        }

        second.PullRequests.Count.ShouldBe(3);
        second.PullRequests.ShouldAllBe(p => p.Files.Count == 1 && p.BehindBy == 0 && p.Mergeable == true);
        second.ConfigText.ShouldBe("version: 1\n");
        second.AttributeFiles.RootText.ShouldBe("* text=auto\n");
    }

    [Fact]
    public async Task ObserveAsync_PullRequestBelowANestedAttributesFile_ReadsItOnceAndSizingHonoursIt()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(new Dictionary<string, string>(Seed) { ["src/gen/.gitattributes"] = "*.py linguist-generated\n" });
        var bot = await fx.OpenAsync();
        await bot.CreateIssueAsync("Issue 1", "body", [Labels.Ready], CancellationToken.None);
        var lines = string.Concat(Enumerable.Range(0, 300).Select(i => $"x{i} = {i}\n"));
        await fx.CommitAsync("autoship/1-x", new Dictionary<string, string?> { ["src/gen/api.py"] = lines, ["src/app.py"] = "print(1)\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-x", null, CancellationToken.None);
        await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-x", "main", "PR 1", "Fixes #1", []), CancellationToken.None);

        var first = await bot.ObserveAsync(CancellationToken.None);
        RepositorySnapshot second;
        using (var launches = GitLaunches.Start())
        {
            second = await bot.ObserveAsync(CancellationToken.None);
            launches.Value.ShouldBe(1, "src/ has no attributes file at main's commit, and that is remembered too");
        }

        first.AttributeFiles.ByDirectory.Keys.Order(StringComparer.Ordinal).ShouldBe(["", "src/gen"]);
        second.AttributeFiles.ByDirectory["src/gen"].ShouldBe("*.py linguist-generated\n");
        var size = SizingPolicy.Measure(second.PullRequests.Single().Files, Autoship.Core.Config.ConfigDefaults.Sizing, second.AttributeFiles);
        size.ExcludedFiles.ShouldBe(["src/gen/api.py"]);
        size.CountedLines.ShouldBe(1);
    }

    [Fact]
    public async Task ObserveAsync_MainMoved_ReadsTheFilesAtTheNewCommit()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        (await bot.ObserveAsync(CancellationToken.None)).ConfigText.ShouldBe("version: 1\n");

        var moved = await fx.CommitAsync("config-change", new Dictionary<string, string?> { [".github/autoship.yml"] = "version: 1\n# changed\n", [".gitattributes"] = null });
        await bot.PushBranchAsync(fx.Clone, "config-change", null, CancellationToken.None);
        await fx.BareGitAsync("update-ref", "refs/heads/main", moved);

        var after = await bot.ObserveAsync(CancellationToken.None);
        after.ConfigText.ShouldBe("version: 1\n# changed\n");
        after.AttributeFiles.RootText.ShouldBeNull("the file is gone at main's new commit");
    }

    [Fact]
    public async Task ReadFileAsync_MissingPath_NullAndPresentPathItsText()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();

        (await bot.ReadFileAsync("nope.txt", null, CancellationToken.None)).ShouldBeNull();
        (await bot.ReadFileAsync("README.md", "main", CancellationToken.None)).ShouldBe("# hello\n");
    }

    [Fact]
    public async Task FindCommentAsync_StateLookup_UsesTheCommentsIndex()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        await using (await fx.OpenAsync())
        {
        }

        await using var c = new SqliteConnection($"Data Source={Path.Combine(fx.ForgeDir, "forge.db")};Pooling=false");
        await c.OpenAsync(TestContext.Current.CancellationToken);
        using var command = c.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT id, body FROM comments WHERE number = 1 AND instr(body, 'm') > 0 ORDER BY id LIMIT 1";
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                plan.Add(reader.GetString(3));
            }
        }

        string.Join("\n", plan).ShouldContain("USING INDEX comments_number");
    }
}
