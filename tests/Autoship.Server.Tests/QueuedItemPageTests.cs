using System.Text.Json;
using Autoship.Engine.Demo;
using Autoship.Forge.Local;
using Autoship.Server.Hosting;

namespace Autoship.Server.Tests;

/// <summary>
/// The server's own loop takes two lane-A issues to green pull requests on a repository whose lane A batches up to
/// three and waits an hour: both wait in the merge queue, and the dashboard's item page and <c>/api/items/N</c> lead
/// with where each one stands ("waiting in the queue at position 2"), not just "the gate says merge".
/// </summary>
public sealed class QueuedItemPageTests
{
    [Fact]
    public async Task ItemPage_PullRequestsWaitingInTheMergeQueue_LeadWithTheirPosition()
    {
        var config = DemoRunner.DemoConfig();
        var safeLane = "    autoMerge: true\n";
        var at = config.IndexOf(safeLane, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, "lane A (safe) comes first in the demo's configuration");
        await using var forge = await SmallForge.CreateAsync(config.Insert(at + safeLane.Length, "    queueBatchSize: 3\n    queueWait: 1h\n"));
        int first, second;
        await using (var owner = await LocalForge.OpenAsync(forge.Directory, LocalSample.Owner, TimeProvider.System, CancellationToken.None))
        {
            first = (await owner.CreateIssueAsync("Docs: add a FAQ", Body("docs/faq.md", "# FAQ"), Labels, CancellationToken.None)).Number;
            second = (await owner.CreateIssueAsync("Docs: add a glossary", Body("docs/glossary.md", "# Glossary"), Labels, CancellationToken.None)).Number;
        }

        await using var host = await ServerHost.StartAsync(forge.Directory, new ServerOptions { ObservationTtl = TimeSpan.Zero });
        string firstSummary = string.Empty, secondSummary = string.Empty;
        for (var ticks = 1; ticks <= 40 && !(Queued(firstSummary) && Queued(secondSummary)); ticks++)
        {
            await host.WaitForTicksAsync(ticks);
            firstSummary = await SummaryAsync(host, first);
            secondSummary = await SummaryAsync(host, second);
            host.Loop.Wake();
        }

        firstSummary.ShouldContain("in the merge queue: waiting in the queue at position 1");
        secondSummary.ShouldContain("in the merge queue: waiting in the queue at position 2");
        var page = await host.Client().GetStringAsync($"/items/{second}", TestContext.Current.CancellationToken);
        page.ShouldContain("may merge and is in the merge queue: waiting in the queue at position 2");
    }

    private static readonly string[] Labels = ["autonomy:ready", "autonomy:safe", "area:docs", "risk:low"];

    private static bool Queued(string summary) => summary.Contains("in the merge queue", StringComparison.Ordinal);

    private static async Task<string> SummaryAsync(ServerHost host, int issue)
    {
        using var doc = JsonDocument.Parse(await host.Client().GetStringAsync($"/api/items/{issue}", TestContext.Current.CancellationToken));
        return doc.RootElement.GetProperty("summary").GetString() ?? string.Empty;
    }

    private static string Body(string path, string line) =>
        $"A small change.\n\n```diff\ndiff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1 @@\n+{line}\n```\n";
}
