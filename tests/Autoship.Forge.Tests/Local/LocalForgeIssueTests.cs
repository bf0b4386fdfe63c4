using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeIssueTests
{
    private static readonly Dictionary<string, string> Seed = new() { ["README.md"] = "# hello\n" };

    [Fact]
    public async Task AddLabelsAsync_ByWriters_RecordsEventsWithActorsAndPermissions()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var owner = await fx.OpenAsync(LocalForgeFixture.Owner);
        var issue = await owner.CreateIssueAsync("Fix the docs", "body", ["area:docs"], CancellationToken.None);
        fx.Clock.Advance(TimeSpan.FromMinutes(5));
        var wendy = await fx.OpenAsync("wendy");
        await wendy.AddLabelsAsync(issue.Number, [Labels.Ready, "area:docs"], CancellationToken.None);
        fx.Clock.Advance(TimeSpan.FromMinutes(5));
        var bot = await fx.OpenAsync();
        await bot.RemoveLabelAsync(issue.Number, Labels.Ready, CancellationToken.None);
        await bot.RemoveLabelAsync(issue.Number, "never-there", CancellationToken.None);

        var read = (await bot.GetIssueAsync(issue.Number, CancellationToken.None))!;
        var start = new TestClock().GetUtcNow();
        read.Labels.ShouldBe(["area:docs"]);
        read.LabelEvents.ShouldBe(
        [
            new LabelEvent("area:docs", true, new Actor(LocalForgeFixture.Owner, Permission.Admin), start),
            new LabelEvent(Labels.Ready, true, new Actor("wendy", Permission.Write), start.AddMinutes(5)),
            new LabelEvent(Labels.Ready, false, new Actor(LocalForge.HarnessLogin, Permission.Write), start.AddMinutes(10)),
        ]);
        read.UpdatedAt.ShouldBe(start.AddMinutes(10));
    }

    [Fact]
    public async Task AddLabelsAsync_ByReader_IsRefusedForWantOfWriteAccess()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var owner = await fx.OpenAsync(LocalForgeFixture.Owner);
        var issue = await owner.CreateIssueAsync("t", "b", [], CancellationToken.None);
        var rita = await fx.OpenAsync("rita");

        var e = await Should.ThrowAsync<ForgeException>(() => rita.AddLabelsAsync(issue.Number, [Labels.Ready], CancellationToken.None));
        e.Code.ShouldBe("forbidden");
        e.Message.ShouldContain("rita needs write access");
        (await rita.GetIssueAsync(issue.Number, CancellationToken.None))!.Labels.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpsertCommentAsync_SameMarker_EditsTheOneCommentInPlace()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        var issue = await bot.CreateIssueAsync("t", "b", [], CancellationToken.None);
        const string Marker = "<!-- autoship:claim -->";
        await bot.UpsertCommentAsync(issue.Number, Marker, Marker + "\nclaimed by qa", CancellationToken.None);
        await bot.UpsertCommentAsync(issue.Number, "<!-- other -->", "other note", CancellationToken.None);
        await bot.UpsertCommentAsync(issue.Number, Marker, Marker + "\nreleased", CancellationToken.None);

        var comments = await bot.ListCommentsAsync(issue.Number, CancellationToken.None);
        comments.Count.ShouldBe(2);
        comments[0].Body.ShouldBe(Marker + "\nreleased");
        comments[0].Author.ShouldBe(LocalForge.HarnessLogin);
        comments[1].Body.ShouldBe("<!-- other -->\nother note");
        (await bot.FindCommentAsync(issue.Number, Marker, CancellationToken.None)).ShouldBe(Marker + "\nreleased");
        (await bot.FindCommentAsync(issue.Number, "<!-- none -->", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task SetAssigneesAsync_ReplacesTheSet()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        var issue = await bot.CreateIssueAsync("t", "b", [], CancellationToken.None);
        await bot.SetAssigneesAsync(issue.Number, ["wendy", "olivia"], CancellationToken.None);
        await bot.SetAssigneesAsync(issue.Number, ["wendy", LocalForge.HarnessLogin], CancellationToken.None);

        (await bot.GetIssueAsync(issue.Number, CancellationToken.None))!.Assignees.ShouldBe([LocalForge.HarnessLogin, "wendy"]);
    }

    [Fact]
    public async Task CloseIssueAsync_ClosesIt_AndListIssuesFiltersByState()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        var first = await bot.CreateIssueAsync("one", "b", [], CancellationToken.None);
        var second = await bot.CreateIssueAsync("two", "b", [], CancellationToken.None);
        await bot.CloseIssueAsync(first.Number, CancellationToken.None);

        (await bot.ListIssuesAsync("open", CancellationToken.None)).Select(i => i.Number).ShouldBe([second.Number]);
        (await bot.ListIssuesAsync("closed", CancellationToken.None)).Select(i => i.Number).ShouldBe([first.Number]);
        (await bot.ListIssuesAsync("all", CancellationToken.None)).Count.ShouldBe(2);
        (await bot.GetIssueAsync(first.Number, CancellationToken.None))!.Open.ShouldBeFalse();
    }

    [Fact]
    public async Task ObserveAsync_ReturnsOnlyOpenIssuesWithAutonomyLabels_AndConfigText()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(new Dictionary<string, string>
        {
            [".github/autoship.yml"] = "version: 1\n",
            [".gitattributes"] = "*.png binary\n",
        });
        var bot = await fx.OpenAsync();
        var ready = await bot.CreateIssueAsync("ready", "b", [Labels.Ready], CancellationToken.None);
        await bot.CreateIssueAsync("plain", "b", ["area:api"], CancellationToken.None);
        var closed = await bot.CreateIssueAsync("closed", "b", [Labels.Ready], CancellationToken.None);
        await bot.CloseIssueAsync(closed.Number, CancellationToken.None);

        var snapshot = await bot.ObserveAsync(CancellationToken.None);

        snapshot.Issues.Select(i => i.Number).ShouldBe([ready.Number]);
        snapshot.ConfigText.ShouldBe("version: 1\n");
        snapshot.AttributeFiles.RootText.ShouldBe("*.png binary\n");
        snapshot.DefaultBranch.ShouldBe("main");
        snapshot.DefaultBranchSha.ShouldBe(await fx.BareGitAsync("rev-parse", "main"));
        snapshot.Repository.ShouldBe("forge");
    }
}
