using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeObserveTests
{
    private static readonly Dictionary<string, string> Seed = new()
    {
        ["README.md"] = "# hello\n",
        ["src/app.py"] = "a = 1\nb = 2\n",
        ["old/name.txt"] = "same content here\nline two\nline three\n",
        ["gone.txt"] = "bye\n",
    };

    [Fact]
    public async Task GetPullRequestAsync_Diff_ReportsFilesAddedLinesBinaryAndSymlinks()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        File.WriteAllBytes(Path.Combine(fx.Clone, "logo.png"), [0x89, 0x50, 0x00, 0x01, 0x02]);
        File.CreateSymbolicLink(Path.Combine(fx.Clone, "link"), "README.md");
        Directory.CreateDirectory(Path.Combine(fx.Clone, "new"));
        File.Move(Path.Combine(fx.Clone, "old", "name.txt"), Path.Combine(fx.Clone, "new", "name.txt"));
        await fx.CommitAsync("autoship/1-x", new Dictionary<string, string?>
        {
            ["src/app.py"] = "a = 1\nb = 3\nDROP TABLE users;\n",
            ["gone.txt"] = null,
        });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-x", null, CancellationToken.None);

        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-x", "main", "X", string.Empty, []), CancellationToken.None);
        var files = pr.Files.ToDictionary(f => f.Path);

        files.Keys.Order(StringComparer.Ordinal).ShouldBe(["gone.txt", "link", "logo.png", "new/name.txt", "src/app.py"]);
        var app = files["src/app.py"];
        (app.Added, app.Deleted, app.Kind).ShouldBe((2, 1, ChangeKind.Modified));
        app.AddedLines.ShouldBe(["b = 3", "DROP TABLE users;"]);
        app.SizeBytes.ShouldBe(30);
        (files["gone.txt"].Kind, files["gone.txt"].Deleted).ShouldBe((ChangeKind.Deleted, 1));
        (files["logo.png"].Binary, files["logo.png"].SizeBytes, files["logo.png"].Kind).ShouldBe((true, 5L, ChangeKind.Added));
        files["link"].SymlinkTarget.ShouldBe("README.md");
        (files["new/name.txt"].Kind, files["new/name.txt"].OldPath, files["new/name.txt"].Added).ShouldBe((ChangeKind.Renamed, "old/name.txt", 0));
        pr.BehindBy.ShouldBe(0);
        pr.Mergeable.ShouldBe(true);
        pr.Author.ShouldBe(new Actor(LocalForge.HarnessLogin, Permission.Write));
    }

    [Fact]
    public async Task GetPullRequestAsync_Sizes_EveryFileGetsItsBlobsSizeFromOneBatchRead()
    {
        // The sizes come from one `cat-file --batch-check` for all blobs: two files with the same content (one blob)
        // both get its size, a renamed file gets its own, a deleted one 0, and no size is taken from a neighbour.
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        await fx.CommitAsync("autoship/2-sizes", new Dictionary<string, string?>
        {
            ["a/same.txt"] = "twelve bytes",
            ["b/same.txt"] = "twelve bytes",
            ["src/app.py"] = "a = 1\n",
            ["gone.txt"] = null,
        });
        await bot.PushBranchAsync(fx.Clone, "autoship/2-sizes", null, CancellationToken.None);

        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/2-sizes", "main", "Sizes", string.Empty, []), CancellationToken.None);
        var sizes = pr.Files.ToDictionary(f => f.Path, f => f.SizeBytes);

        sizes.ShouldBe(new Dictionary<string, long> { ["a/same.txt"] = 12, ["b/same.txt"] = 12, ["src/app.py"] = 6, ["gone.txt"] = 0 }, ignoreOrder: true);
    }

    [Fact]
    public async Task ObserveAsync_PullRequests_OpenAutoshipOnesAndMergedOnesWhoseIssueIsOpen()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        var issue = await bot.CreateIssueAsync("one", "b", [Labels.Ready], CancellationToken.None);
        var fixedIssue = await bot.CreateIssueAsync("two", "b", [Labels.Ready], CancellationToken.None);

        async Task<PullRequestSnapshot> OpenAsync(string branch, string body)
        {
            await fx.CommitAsync(branch, new Dictionary<string, string?> { [branch.Replace('/', '-') + ".txt"] = "x\n" });
            await bot.PushBranchAsync(fx.Clone, branch, null, CancellationToken.None);
            return await bot.CreatePullRequestAsync(new NewPullRequest(branch, "main", branch, body, []), CancellationToken.None);
        }

        var open = await OpenAsync($"autoship/{issue.Number}-open", string.Empty);
        var mergedIssueOpen = await OpenAsync($"autoship/{issue.Number}-merged", string.Empty);
        var mergedIssueClosed = await OpenAsync($"autoship/{fixedIssue.Number}-fixed", $"Closes #{fixedIssue.Number}");
        await OpenAsync("feature/person", string.Empty);
        (await bot.MergeAsync(mergedIssueOpen.Number, mergedIssueOpen.HeadSha, "m", string.Empty, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Merged);
        (await bot.MergeAsync(mergedIssueClosed.Number, mergedIssueClosed.HeadSha, "m", string.Empty, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Merged);
        await bot.SubmitReviewAsync(open.Number, new ReviewSubmission("qa-reliability-engineer", ReviewVerdict.RequestChanges, "no", open.HeadSha), CancellationToken.None);

        var snapshot = await bot.ObserveAsync(CancellationToken.None);

        snapshot.PullRequests.Select(p => p.Number).ShouldBe([open.Number, mergedIssueOpen.Number]);
        snapshot.Issues.Select(i => i.Number).ShouldBe([issue.Number]);
        var review = snapshot.PullRequests[0].Reviews.ShouldHaveSingleItem();
        review.ShouldBe(new ReviewSnapshot(new Actor(LocalForge.ReviewerLogin, Permission.Write), ReviewState.ChangesRequested, open.HeadSha, fx.Clock.GetUtcNow(), "qa-reliability-engineer", "no"));
        snapshot.PullRequests[0].BehindBy.ShouldBe(2);
        snapshot.PullRequests[1].Merged.ShouldBeTrue();
    }

    [Fact]
    public async Task CreatePullRequestAsync_SameHeadTwice_ReturnsTheOpenOne()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        await fx.CommitAsync("autoship/1-x", new Dictionary<string, string?> { ["x"] = "x\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-x", null, CancellationToken.None);
        var request = new NewPullRequest("autoship/1-x", "main", "X", "body", ["size:xs"]);

        var first = await bot.CreatePullRequestAsync(request, CancellationToken.None);
        var second = await bot.CreatePullRequestAsync(request with { Title = "Y" }, CancellationToken.None);
        await bot.UpdatePullRequestAsync(first.Number, "Z", null, CancellationToken.None);
        await bot.RequestReviewersAsync(first.Number, ["wendy"], CancellationToken.None);

        second.Number.ShouldBe(first.Number);
        first.Labels.ShouldBe(["size:xs"]);
        var read = (await bot.GetPullRequestAsync(first.Number, CancellationToken.None))!;
        (read.Title, read.Body).ShouldBe(("Z", "body"));
        (await bot.ListRequestedReviewersAsync(first.Number, CancellationToken.None)).ShouldBe(["wendy"]);
        (await Should.ThrowAsync<ForgeException>(() => bot.CreatePullRequestAsync(request with { Head = "nope" }, CancellationToken.None))).Code.ShouldBe("no-branch");
    }

    [Fact]
    public async Task DeleteBranchAsync_RemovesTheRef_ButNotMain()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        await fx.CommitAsync("autoship/1-x", new Dictionary<string, string?> { ["x"] = "x\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-x", null, CancellationToken.None);

        await bot.DeleteBranchAsync("autoship/1-x", CancellationToken.None);
        await bot.DeleteBranchAsync("autoship/1-x", CancellationToken.None);

        (await fx.BareGitAsync("branch", "--list")).Trim().ShouldBe("* main");
        (await Should.ThrowAsync<ForgeException>(() => bot.DeleteBranchAsync("main", CancellationToken.None))).Code.ShouldBe("protected-branch");
    }
}
