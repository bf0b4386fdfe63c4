using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>An item closed or unlabeled while its PR is open stops its work: the PR is closed and its branch deleted.</summary>
public sealed class StopWorkTests
{
    [Theory]
    [InlineData("close")]
    [InlineData("unlabel")]
    [InlineData("block")]
    public async Task TickAsync_IssueChangedMidFlight_ClosesThePullRequestAndDeletesItsBranch(string change)
    {
        await using var demo = await DemoForge.CreateAsync("auth");
        await demo.RunUntilQuietAsync();
        var number = demo.Numbers["auth"];
        await using var maintainer = await demo.OpenAsync(LocalSample.Owner);
        var pr = (await maintainer.ListPullRequestsAsync("open", CancellationToken.None)).ShouldHaveSingleItem();
        (await BranchExistsAsync(maintainer, pr.HeadBranch)).ShouldBeTrue();

        switch (change)
        {
            case "close":
                await maintainer.CloseIssueAsync(number, CancellationToken.None);
                break;
            case "unlabel":
                await maintainer.RemoveLabelAsync(number, Labels.Ready, CancellationToken.None);
                await maintainer.RemoveLabelAsync(number, Labels.Claimed, CancellationToken.None);
                break;
            default:
                await maintainer.AddLabelsAsync(number, [Labels.Blocked], CancellationToken.None);
                break;
        }

        await using (var session = await demo.SessionAsync())
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            report.Actions.ShouldContain(a => a.Action is StopWork && a.Outcome == ActionOutcome.Ok);
        }

        var closed = (await maintainer.GetPullRequestAsync(pr.Number, CancellationToken.None))!;
        closed.Open.ShouldBeFalse();
        closed.Merged.ShouldBeFalse();
        (await BranchExistsAsync(maintainer, pr.HeadBranch)).ShouldBeFalse();
        (await maintainer.GetIssueAsync(number, CancellationToken.None))!.HasLabel(Labels.Claimed).ShouldBeFalse();
        await demo.RunUntilQuietAsync();
        (await maintainer.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem();
    }

    private static async Task<bool> BranchExistsAsync(LocalForge forge, string branch) =>
        (await GitCli.TryRunAsync(forge.BareRepository, ["rev-parse", "--verify", "--quiet", "refs/heads/" + branch])).Ok;
}
