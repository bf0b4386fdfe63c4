using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeMergeTests
{
    private static readonly Dictionary<string, string> Seed = new() { ["README.md"] = "# hello\n", ["src/app.py"] = "x = 1\n" };

    private static readonly BranchProtection Protection = new(true, 1, true, ["ci"], false, false);

    private static async Task<(LocalForge Bot, PullRequestSnapshot Pr)> OpenPullRequestAsync(LocalForgeFixture fx, string body = "Fixes #1")
    {
        var owner = await fx.OpenAsync(LocalForgeFixture.Owner);
        await owner.SetBranchProtectionAsync("main", Protection, CancellationToken.None);
        var bot = await fx.OpenAsync();
        await bot.CreateIssueAsync("Change app", "please", [Labels.Ready], CancellationToken.None);
        await fx.CommitAsync("autoship/1-change-app", new Dictionary<string, string?> { ["src/app.py"] = "x = 2\n", ["docs/new.md"] = "new\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-change-app", null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-change-app", "main", "Change app", body, ["lane:safe"]), CancellationToken.None);
        return (bot, pr);
    }

    private static async Task ApproveAndPassAsync(LocalForge bot, PullRequestSnapshot pr)
    {
        await bot.SubmitReviewAsync(pr.Number, new ReviewSubmission("qa-reliability-engineer", ReviewVerdict.Approve, "lgtm", pr.HeadSha), CancellationToken.None);
        await bot.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("ci", CheckState.Success, "green", null), CancellationToken.None);
    }

    [Fact]
    public async Task MergeAsync_ProtectionsMet_SquashesOntoMainAndClosesTheFixedIssue()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenPullRequestAsync(fx);
        await ApproveAndPassAsync(bot, pr);
        var oldMain = await fx.BareGitAsync("rev-parse", "main");

        var result = await bot.MergeAsync(pr.Number, pr.HeadSha, "Change app (#2)", "Fixes #1", CancellationToken.None);

        result.Outcome.ShouldBe(MergeOutcome.Merged, string.Join("; ", result.Reasons));
        (await fx.BareGitAsync("rev-parse", "main")).ShouldBe(result.MergeCommitSha);
        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("2");
        (await fx.BareGitAsync("rev-parse", "main^")).ShouldBe(oldMain);
        (await fx.BareGitAsync("rev-parse", "main^{tree}")).ShouldBe(await fx.BareGitAsync("rev-parse", pr.HeadSha + "^{tree}"));
        (await fx.BareGitAsync("log", "-1", "--format=%s|%an", "main")).ShouldBe("Change app (#2)|" + LocalForge.HarnessLogin);
        var merged = (await bot.GetPullRequestAsync(pr.Number, CancellationToken.None))!;
        merged.Merged.ShouldBeTrue();
        merged.Open.ShouldBeFalse();
        merged.MergeCommitSha.ShouldBe(result.MergeCommitSha);
        (await bot.GetIssueAsync(1, CancellationToken.None))!.Open.ShouldBeFalse();

        var again = await bot.MergeAsync(pr.Number, pr.HeadSha, "again", string.Empty, CancellationToken.None);
        again.ShouldBe(new MergeResult(MergeOutcome.Merged, result.MergeCommitSha, again.Reasons));
        again.Reasons.ShouldBeEmpty();
        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("2");
    }

    [Fact]
    public async Task MergeAsync_HeadMoved_RefusesWithHeadChanged()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenPullRequestAsync(fx);
        await ApproveAndPassAsync(bot, pr);
        await fx.CommitAsync("autoship/1-change-app", new Dictionary<string, string?> { ["more.txt"] = "m\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/1-change-app", pr.HeadSha, CancellationToken.None);

        var result = await bot.MergeAsync(pr.Number, pr.HeadSha, "t", string.Empty, CancellationToken.None);

        result.Outcome.ShouldBe(MergeOutcome.Refused);
        result.Reasons.Select(r => r.Code).ShouldBe(["head-changed"]);
    }

    [Fact]
    public async Task MergeAsync_NoApprovalAndFailedCheck_RefusesWithBothReasons()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenPullRequestAsync(fx);
        await bot.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("ci", CheckState.Failure, "red", null), CancellationToken.None);
        var before = await fx.BareGitAsync("rev-parse", "main");

        var result = await bot.MergeAsync(pr.Number, pr.HeadSha, "t", string.Empty, CancellationToken.None);

        result.Outcome.ShouldBe(MergeOutcome.Refused);
        result.Reasons.Select(r => r.Code).ShouldBe(["required-review-missing", "required-check-failed"]);
        (await fx.BareGitAsync("rev-parse", "main")).ShouldBe(before);
    }

    [Fact]
    public async Task MergeAsync_ApprovalOnOldHeadOrByReaderOrMissingCheck_DoesNotCount()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenPullRequestAsync(fx);
        await bot.SubmitReviewAsync(pr.Number, new ReviewSubmission("qa", ReviewVerdict.Approve, "ok", "0000000000000000000000000000000000000000"), CancellationToken.None);
        var rita = await fx.OpenAsync("rita");
        (await Should.ThrowAsync<ForgeException>(() => rita.SubmitPersonReviewAsync(pr.Number, ReviewVerdict.Approve, "ok", CancellationToken.None)))
            .Message.ShouldContain("rita needs write access to the repository to approve");

        var result = await bot.MergeAsync(pr.Number, pr.HeadSha, "t", string.Empty, CancellationToken.None);

        result.Reasons.Select(r => r.Code).ShouldBe(["required-review-missing", "required-check-missing"]);
    }

    [Fact]
    public async Task MergeAsync_PersonApprovalOnHead_Counts()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenPullRequestAsync(fx);
        await bot.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("ci", CheckState.Success, "green", null), CancellationToken.None);
        var wendy = await fx.OpenAsync("wendy");
        var review = await wendy.SubmitPersonReviewAsync(pr.Number, ReviewVerdict.Approve, "ship it", CancellationToken.None);

        review.ShouldBe(new ReviewSnapshot(new Actor("wendy", Permission.Write), ReviewState.Approved, pr.HeadSha, fx.Clock.GetUtcNow(), null, "ship it"));
        (await wendy.MergeAsync(pr.Number, pr.HeadSha, "t", string.Empty, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Merged);
    }

    [Fact]
    public async Task MergeAsync_Conflict_RefusesAsNotMergeable()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenPullRequestAsync(fx, body: string.Empty);
        await ApproveAndPassAsync(bot, pr);
        await fx.CommitAsync("autoship/9-other", new Dictionary<string, string?> { ["src/app.py"] = "x = 3\n" });
        await bot.PushBranchAsync(fx.Clone, "autoship/9-other", null, CancellationToken.None);
        var other = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/9-other", "main", "Other", string.Empty, []), CancellationToken.None);
        await ApproveAndPassAsync(bot, other);
        (await bot.MergeAsync(other.Number, other.HeadSha, "other", string.Empty, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Merged);

        var snapshot = (await bot.GetPullRequestAsync(pr.Number, CancellationToken.None))!;
        var result = await bot.MergeAsync(pr.Number, pr.HeadSha, "t", string.Empty, CancellationToken.None);

        snapshot.Mergeable.ShouldBe(false);
        snapshot.BehindBy.ShouldBe(1);
        result.Reasons.Select(r => r.Code).ShouldBe(["not-mergeable"]);
    }

    [Fact]
    public async Task MergeAsync_ClosedPullRequest_IsRefused()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var (bot, pr) = await OpenPullRequestAsync(fx);
        await bot.ClosePullRequestAsync(pr.Number, CancellationToken.None);

        (await bot.MergeAsync(pr.Number, pr.HeadSha, "t", string.Empty, CancellationToken.None)).Reasons.Select(r => r.Code).ShouldBe(["not-open"]);
        (await bot.MergeAsync(99, pr.HeadSha, "t", string.Empty, CancellationToken.None)).Reasons.Select(r => r.Code).ShouldBe(["not-found"]);
    }
}
