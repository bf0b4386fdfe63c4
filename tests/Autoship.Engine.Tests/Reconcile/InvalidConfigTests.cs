using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>An invalid configuration on main stops new work, says why, and still reconciles running work.</summary>
public sealed class InvalidConfigTests
{
    [Fact]
    public async Task TickAsync_InvalidConfigOnMain_DispatchesNothingNewButStillMergesApprovedWork()
    {
        await using var demo = await DemoForge.CreateAsync("auth");
        await demo.RunUntilQuietAsync();
        await demo.CommitToMainAsync(AutoshipConfig.DefaultPath, "version: 1\nloop:\n  maxAttempts: many\n");
        var docs = await demo.FileIssueAsync("docs");
        await demo.ApproveOpenPullRequestsAsync();

        await using (var session = await demo.SessionAsync())
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);

            report.Notices.ShouldContain(n => n.Code == "config-invalid" && n.Message.Contains(AutoshipConfig.DefaultPath));
            report.Actions.ShouldNotContain(a => a.Action is StartAttempt);
            report.Actions.ShouldContain(a => a.Action is MergePullRequest && a.Action.Issue == demo.Numbers["auth"] && a.Outcome == ActionOutcome.Ok);
            var queued = report.Items.Single(i => i.Issue == docs);
            queued.Phase.ShouldBe(ItemPhase.Queued);
            queued.Reasons.ShouldContain(r => r.Code == "config-invalid");
        }

        await using var forge = await demo.OpenAsync();
        (await forge.GetIssueAsync(docs, CancellationToken.None))!.HasLabel(Labels.Claimed).ShouldBeFalse();
        (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem().Merged.ShouldBeTrue();
    }
}
