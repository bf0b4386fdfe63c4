using Autoship.Core.Dashboard;
using Autoship.Engine.Demo;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// Issue 15 item 3 on the local forge: with <c>loop.dashboardIssue</c> a tick opens ONE dashboard issue (a stranger's copy of
/// the marker is ignored), an idle tick writes nothing, a changed configuration rewrites the body, and an issue a person
/// closed stays closed with no second one filed. (No agent starts: the kill switch is on.)
/// </summary>
public sealed class DashboardIssueTests
{
    [Fact]
    public async Task TickAsync_DashboardOn_OpenedOnceRewrittenOnlyWhenChangedAndLeftClosed()
    {
        await using var demo = await DemoForge.CreateAsync();
        var config = DemoRunner.DemoConfig().Replace("killSwitch: false", "killSwitch: true", StringComparison.Ordinal);
        config.ShouldContain("dashboardIssue: true");
        await demo.CommitToMainAsync(".github/autoship.yml", config);
        await using var mallory = await demo.OpenAsync(LocalSample.Writer);
        var planted = await mallory.CreateIssueAsync("Autoship dashboard", DashboardIssue.Marker + "\nplanted", [], CancellationToken.None);
        await using var bot = await demo.OpenAsync();

        await TickAsync(demo);
        var dashboard = await bot.FindMarkedIssueAsync(DashboardIssue.Marker, DashboardIssue.Label, CancellationToken.None);
        dashboard.ShouldNotBeNull();
        dashboard.Number.ShouldNotBe(planted.Number);
        dashboard.Open.ShouldBeTrue();
        dashboard.Title.ShouldBe(DashboardIssue.Title);
        dashboard.Labels.ShouldContain(DashboardIssue.Label);
        dashboard.Body.ShouldContain("The kill switch is on");
        (await bot.GetIssueAsync(planted.Number, CancellationToken.None))!.Body.ShouldContain("planted");
        var written = (await bot.GetIssueAsync(dashboard.Number, CancellationToken.None))!.UpdatedAt;

        await TickAsync(demo);
        (await bot.GetIssueAsync(dashboard.Number, CancellationToken.None))!.UpdatedAt.ShouldBe(written, "an idle tick must not rewrite the dashboard");

        await demo.CommitToMainAsync(".github/autoship.yml", config.Replace("maxAgentMinutesPerDay: 240", "maxAgentMinutesPerDay: 100", StringComparison.Ordinal));
        await TickAsync(demo);
        var changed = await bot.GetIssueAsync(dashboard.Number, CancellationToken.None);
        changed!.Body.ShouldContain("Agent minutes per UTC day: 100");
        changed.UpdatedAt.ShouldNotBe(written);

        await mallory.CloseIssueAsync(dashboard.Number, CancellationToken.None);
        await demo.CommitToMainAsync(".github/autoship.yml", config.Replace("maxAgentMinutesPerDay: 240", "maxAgentMinutesPerDay: 50", StringComparison.Ordinal));
        await TickAsync(demo);
        var closed = await bot.GetIssueAsync(dashboard.Number, CancellationToken.None);
        closed!.Open.ShouldBeFalse();
        closed.Body.ShouldContain("Agent minutes per UTC day: 100");
        (await bot.ListIssuesAsync("all", CancellationToken.None)).Count(i => i.Title == DashboardIssue.Title).ShouldBe(2, "the stranger's and Autoship's, never a third");
    }

    private static async Task TickAsync(DemoForge demo)
    {
        await using var session = await demo.SessionAsync();
        (await session.Reconciler.TickAsync(false, CancellationToken.None)).Outcome.ShouldBe(TickOutcome.Done);
    }
}
