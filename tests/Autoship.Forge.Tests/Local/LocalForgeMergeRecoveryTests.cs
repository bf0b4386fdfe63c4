using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>
/// A merge interrupted between its git write and its database write (in-process: the crash point throws, which
/// leaves the same files as a SIGKILL there; the CLI tests kill a real process at the same points).
/// </summary>
public sealed class LocalForgeMergeRecoveryTests
{
    private static readonly Dictionary<string, string> Seed = new() { ["README.md"] = "# hello\n" };

    private sealed class Crash(string point) : Exception(point);

    private static async Task<(LocalForge Bot, PullRequestSnapshot Pr)> OpenAsync(LocalForgeFixture fx)
    {
        var bot = await fx.OpenAsync();
        await bot.CreateIssueAsync("Change", "please", [Labels.Ready], CancellationToken.None);
        await fx.CommitAsync("autoship/1-change", new Dictionary<string, string?> { ["docs/new.md"] = "new\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-change", null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-change", "main", "Change", "Fixes #1", []), CancellationToken.None);
        return (bot, pr);
    }

    private static async Task CrashAtAsync(string point, Func<Task> merge)
    {
        LocalCrashPoint.OnReached = p =>
        {
            if (p == point)
            {
                throw new Crash(p);
            }
        };
        try
        {
            (await Should.ThrowAsync<Crash>(merge)).Message.ShouldBe(point);
        }
        finally
        {
            LocalCrashPoint.OnReached = null;
        }
    }

    [Fact]
    public async Task MergeAsync_CrashedAfterUpdateRef_RetryCompletesTheRecordWithoutASecondSquash()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenAsync(fx);
        await CrashAtAsync("merge-after-update-ref", () => bot.MergeAsync(pr.Number, pr.HeadSha, "Change (#2)", "Fixes #1", CancellationToken.None));
        var squashed = await fx.BareGitAsync("rev-parse", "main");
        (await bot.GetPullRequestAsync(pr.Number, CancellationToken.None))!.Open.ShouldBeTrue();

        var retry = await bot.MergeAsync(pr.Number, pr.HeadSha, "Change (#2)", "Fixes #1", CancellationToken.None);

        retry.ShouldBe(new MergeResult(MergeOutcome.Merged, squashed, retry.Reasons));
        retry.Reasons.ShouldBeEmpty();
        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("2");
        (await bot.GetPullRequestAsync(pr.Number, CancellationToken.None))!.Merged.ShouldBeTrue();
        (await bot.GetIssueAsync(1, CancellationToken.None))!.Open.ShouldBeFalse();
    }

    [Fact]
    public async Task ObserveAsync_AfterCrashAfterUpdateRef_CompletesTheMergeRecord()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenAsync(fx);
        await CrashAtAsync("merge-after-update-ref", () => bot.MergeAsync(pr.Number, pr.HeadSha, "Change (#2)", "Fixes #1", CancellationToken.None));

        var snapshot = await bot.ObserveAsync(CancellationToken.None);

        snapshot.Issues.ShouldBeEmpty();
        var merged = (await bot.GetPullRequestAsync(pr.Number, CancellationToken.None))!;
        merged.Merged.ShouldBeTrue();
        merged.MergeCommitSha.ShouldBe(snapshot.DefaultBranchSha);
        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("2");
    }

    [Fact]
    public async Task MergeAsync_CrashedAfterIntentBeforeTheRefMoved_RetrySquashesExactlyOnce()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenAsync(fx);
        var before = await fx.BareGitAsync("rev-parse", "main");
        await CrashAtAsync("merge-after-intent", () => bot.MergeAsync(pr.Number, pr.HeadSha, "Change (#2)", "Fixes #1", CancellationToken.None));
        (await fx.BareGitAsync("rev-parse", "main")).ShouldBe(before);
        (await bot.ObserveAsync(CancellationToken.None)).PullRequests.ShouldHaveSingleItem().Open.ShouldBeTrue();

        var retry = await bot.MergeAsync(pr.Number, pr.HeadSha, "Change (#2)", "Fixes #1", CancellationToken.None);

        retry.Outcome.ShouldBe(MergeOutcome.Merged, string.Join("; ", retry.Reasons));
        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("2");
        (await fx.BareGitAsync("rev-parse", "main")).ShouldBe(retry.MergeCommitSha);
    }

    [Fact]
    public async Task UpsertCommentAsync_ManyWritersAtOnce_OneCommentPerMarker()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        await bot.CreateIssueAsync("Issue", "body", [], CancellationToken.None);
        var writers = new List<LocalForge>();
        for (var i = 0; i < 6; i++)
        {
            writers.Add(await fx.OpenAsync());
        }

        await Task.WhenAll(writers.Select((w, i) => Task.Run(() => w.UpsertCommentAsync(1, "<!-- autoship:item -->", $"state {i}", CancellationToken.None))));

        (await bot.ListCommentsAsync(1, CancellationToken.None)).ShouldHaveSingleItem().Body.ShouldStartWith("<!-- autoship:item -->\nstate ");
    }

    [Fact]
    public async Task CreatePullRequestAsync_ManyWritersForOneHead_OnePullRequest()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync();
        await fx.CommitAsync("autoship/1-x", new Dictionary<string, string?> { ["x.txt"] = "x\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-x", null, CancellationToken.None);
        var writers = new List<LocalForge>();
        for (var i = 0; i < 6; i++)
        {
            writers.Add(await fx.OpenAsync());
        }

        var opened = await Task.WhenAll(writers.Select(w => Task.Run(() => w.CreatePullRequestAsync(new NewPullRequest("autoship/1-x", "main", "X", string.Empty, []), CancellationToken.None))));

        opened.Select(p => p.Number).Distinct().ShouldHaveSingleItem();
        (await bot.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem();
    }
}
