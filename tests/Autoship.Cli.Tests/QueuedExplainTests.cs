using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

/// <summary>
/// Two lane-A changes through real ticks of the CLI on a local forge whose lane A batches up to three pull requests
/// and waits an hour for the batch to fill: both wait in the merge queue, and <c>explain</c> (table and JSON) says
/// where each one stands — "waiting in the queue at position 1 / 2" — instead of only "the gate says merge".
/// </summary>
public sealed class QueuedExplainTests : IDisposable
{
    private readonly TempDir dir = new();

    [Fact]
    public async Task Explain_TwoPullRequestsWaitingInTheMergeQueue_EachSaysItsPosition()
    {
        var forge = dir.Combine("forge");
        var init = await CliRunner.RunAsync(dir.Path, "local", "init", forge, "--sample");
        init.ExitCode.ShouldBe(0, init.ToString());
        // The queue's settings are the base commit's own (like GitHub's merge queue rules, they live with the
        // repository), so the maintainer commits them to main.
        await TestGit.EditOnMainAsync(dir.Path, forge, AutoshipConfig.DefaultPath, yaml =>
        {
            var safeLane = "    autoMerge: true\n";
            var at = yaml.IndexOf(safeLane, StringComparison.Ordinal);
            at.ShouldBeGreaterThan(0, "lane A (safe) comes first in the sample's configuration");
            return yaml.Insert(at + safeLane.Length, "    queueBatchSize: 3\n    queueWait: 1h\n");
        }, "Lane A: batches of up to three, wait an hour");

        var first = await CreateIssueAsync(forge, "Docs: add a FAQ", "docs/faq.md", "# FAQ");
        var second = await CreateIssueAsync(forge, "Docs: add a glossary", "docs/glossary.md", "# Glossary");

        JsonElement? firstView = null, secondView = null;
        for (var i = 0; i < 40 && (firstView is null || secondView is null); i++)
        {
            var tick = await CliRunner.RunAsync(dir.Path, "tick", "--forge", "local:" + forge, "--json");
            tick.ExitCode.ShouldBe(0, tick.ToString());
            firstView = await QueuedAsync(forge, first);
            secondView = await QueuedAsync(forge, second);
            await Task.Delay(firstView is null || secondView is null ? 300 : 0, TestContext.Current.CancellationToken);
        }

        firstView.ShouldNotBeNull("the first change never reached the merge queue");
        secondView.ShouldNotBeNull("the second change never reached the merge queue");
        Summary(firstView.Value).ShouldContain("in the merge queue: waiting in the queue at position 1", Case.Sensitive, firstView.Value.ToString());
        Summary(secondView.Value).ShouldContain("in the merge queue: waiting in the queue at position 2", Case.Sensitive, secondView.Value.ToString());
        secondView.Value.GetProperty("reasons").EnumerateArray()
            .ShouldContain(r => r.GetProperty("code").GetString() == "queued" && r.GetProperty("message").GetString() == "waiting in the queue at position 2");

        var table = await CliRunner.RunAsync(dir.Path, "explain", "--forge", "local:" + forge, $"#{second}");
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("waiting in the queue at position 2");

        var prs = await CliRunner.RunAsync(dir.Path, "local", "pr", "list", "--forge", forge, "--state", "all", "--json");
        prs.ExitCode.ShouldBe(0, prs.ToString());
        JsonDocument.Parse(prs.Stdout).RootElement.GetProperty("pullRequests").EnumerateArray()
            .ShouldAllBe(pr => pr.GetProperty("state").GetString() == "open", "the batch waits for a third pull request for up to an hour: nothing merged yet");
    }

    /// <summary>The item's explain JSON once its summary says it is in the merge queue; null before.</summary>
    private async Task<JsonElement?> QueuedAsync(string forge, int issue)
    {
        var explain = await CliRunner.RunAsync(dir.Path, "explain", "--forge", "local:" + forge, $"#{issue}", "--json");
        explain.ExitCode.ShouldBe(0, explain.ToString());
        var json = JsonDocument.Parse(explain.Stdout).RootElement.Clone();
        return Summary(json).Contains("in the merge queue", StringComparison.Ordinal) ? json : null;
    }

    private static string Summary(JsonElement explain) => explain.GetProperty("summary").GetString() ?? string.Empty;

    private async Task<int> CreateIssueAsync(string forge, string title, string path, string line)
    {
        var body = "A small change.\n\n```diff\n"
            + $"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1 @@\n+{line}\n"
            + "```\n";
        var created = await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", forge, "--title", title, "--body", body,
            "--label", "autonomy:ready", "--label", "autonomy:safe", "--label", "area:docs", "--label", "risk:low", "--json");
        created.ExitCode.ShouldBe(0, created.ToString());
        return JsonDocument.Parse(created.Stdout).RootElement.GetProperty("issue").GetProperty("number").GetInt32();
    }

    public void Dispose() => dir.Dispose();
}
