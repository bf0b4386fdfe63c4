using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Core.Queue;
using Autoship.Engine.Demo;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;
using Autoship.Forge;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// Issue 12 item 2 on the local forge: main's own required check fails, Autoship files ONE issue for the agent owning
/// area:test with the failing check and its log tail, never a second one while it is open; main turns green and the issue
/// is closed; red again and the same issue is reopened and updated. (No agent starts: the kill switch is on.)
/// </summary>
public sealed class MainRedIssueTests
{
    [Fact]
    public async Task TickAsync_MainRedThenGreenThenRed_OneIssueFiledClosedAndReopened()
    {
        await using var demo = await DemoForge.CreateAsync();
        await demo.CommitToMainAsync(".github/autoship.yml", DemoRunner.DemoConfig().Replace("killSwitch: false", "killSwitch: true", StringComparison.Ordinal));
        await using var bot = await demo.OpenAsync();
        var main = (await bot.ObserveAsync(CancellationToken.None)).DefaultBranchSha;
        var log = Path.Combine(demo.Root, "main-ci.log");
        await File.WriteAllTextAsync(log, "collecting tests\nFAILED tests/test_app.py::test_fixture - LOG-TAIL-IBEX\n");
        await bot.SetCommitStatusAsync(main, new CommitStatus("ci", CheckState.Failure, "scripts/test.sh failed (exit 1)", new Uri(log).AbsoluteUri), CancellationToken.None);

        var first = await TickAsync(demo);
        first.Actions.ShouldContain(a => a.Action is ReportMainRed && a.Outcome == ActionOutcome.Ok, Messages(first));
        var filed = (await bot.ListIssuesAsync("all", CancellationToken.None)).Where(MainRedIssue.Is).ShouldHaveSingleItem();
        filed.Open.ShouldBeTrue();
        filed.Labels.ShouldContain(MainRedIssue.Area);
        filed.Labels.ShouldContain(Labels.Ready);
        filed.Body.ShouldContain("check ci failed");
        filed.Body.ShouldContain("LOG-TAIL-IBEX");

        var again = await TickAsync(demo);
        again.Actions.ShouldNotContain(a => a.Action is ReportMainRed, Messages(again));
        again.Items.ShouldContain(i => i.Issue == filed.Number);

        await bot.SetCommitStatusAsync(main, new CommitStatus("ci", CheckState.Success, "scripts/test.sh passed", null), CancellationToken.None);
        var green = await TickAsync(demo);
        green.Actions.ShouldContain(a => a.Action is CloseMainRed && a.Outcome == ActionOutcome.Ok, Messages(green));
        (await bot.GetIssueAsync(filed.Number, CancellationToken.None))!.Open.ShouldBeFalse();

        await bot.SetCommitStatusAsync(main, new CommitStatus("ci", CheckState.Failure, "scripts/test.sh failed again (exit 2)", null), CancellationToken.None);
        await TickAsync(demo);
        var reopened = (await bot.ListIssuesAsync("all", CancellationToken.None)).Where(MainRedIssue.Is).ShouldHaveSingleItem();
        reopened.Number.ShouldBe(filed.Number);
        reopened.Open.ShouldBeTrue();
        reopened.Body.ShouldContain("failed again");
    }

    [Fact]
    public async Task UpsertMarkedIssueAsync_AStrangersIssueWithTheMarker_IsNeverEdited()
    {
        await using var demo = await DemoForge.CreateAsync();
        await using var mallory = await demo.OpenAsync(LocalSample.Writer);
        var planted = await mallory.CreateIssueAsync("fake", MainRedIssue.Marker + "\nplanted", [], CancellationToken.None);
        await using var bot = await demo.OpenAsync();

        var number = await bot.UpsertMarkedIssueAsync(MainRedIssue.Marker, "main is red", MainRedIssue.Marker + "\nreal", MainRedIssue.Labels, CancellationToken.None);

        number.ShouldNotBe(planted.Number);
        (await bot.GetIssueAsync(planted.Number, CancellationToken.None))!.Body.ShouldContain("planted");
        (await bot.UpsertMarkedIssueAsync(MainRedIssue.Marker, "main is red", MainRedIssue.Marker + "\nupdated", MainRedIssue.Labels, CancellationToken.None)).ShouldBe(number);
        (await bot.GetIssueAsync(number, CancellationToken.None))!.Body.ShouldContain("updated");
    }

    private static async Task<TickReport> TickAsync(DemoForge demo)
    {
        await using var session = await demo.SessionAsync();
        var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
        report.Outcome.ShouldBe(TickOutcome.Done);
        return report;
    }

    private static string Messages(TickReport report) => string.Join("\n", report.Actions.Select(a => a.Message)) + "\n" + string.Join("\n", report.Notices.Select(n => n.Message));
}
