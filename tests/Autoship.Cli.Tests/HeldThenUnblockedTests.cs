using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

/// <summary>
/// A repository that names no required checks (every CI check on the head must be green): a lane-A pull request held
/// for a missing label publishes a pending <c>autoship/gate</c>; once the maintainer adds the label, the next ticks
/// merge it. The gate never waits for its own status (it did: "required check autoship/gate is still running", forever).
/// </summary>
public sealed class HeldThenUnblockedTests : IDisposable
{
    private readonly TempDir dir = new();

    [Fact]
    public async Task Tick_HeldPullRequestUnblockedByAHuman_MergesWithoutWaitingForItsOwnGateStatus()
    {
        var forge = dir.Combine("forge");
        (await CliRunner.RunAsync(dir.Path, "local", "init", forge, "--sample")).ExitCode.ShouldBe(0);
        await TestGit.EditOnMainAsync(dir.Path, forge, AutoshipConfig.DefaultPath,
            yaml => yaml.Replace("requiredChecks: [ci]", "requiredChecks: []", StringComparison.Ordinal),
            "No named required checks: every check on the head must be green");

        // No autonomy:safe label: lane A holds the PR for it.
        const string body = "A small change.\n\n```diff\ndiff --git a/docs/faq.md b/docs/faq.md\nnew file mode 100644\n--- /dev/null\n+++ b/docs/faq.md\n@@ -0,0 +1 @@\n+# FAQ\n```\n";
        (await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", forge, "--title", "Docs: add a FAQ", "--body", body,
            "--label", "autonomy:ready", "--label", "area:docs", "--label", "risk:low")).ExitCode.ShouldBe(0);

        var held = await TickUntilAsync(forge, pr => pr.GetProperty("gate").GetString() is { } g && g.StartsWith("pending: hold", StringComparison.Ordinal));
        (held.GetProperty("gate").GetString() ?? string.Empty).ShouldContain("needs the label autonomy:safe");
        var number = held.GetProperty("number").GetInt32();

        var label = await CliRunner.RunAsync(dir.Path, "local", "label", "add", "--forge", forge, number.ToString(System.Globalization.CultureInfo.InvariantCulture), "autonomy:safe");
        label.ExitCode.ShouldBe(0, label.ToString());

        var merged = await TickUntilAsync(forge, pr => pr.GetProperty("state").GetString() == "merged", maxTicks: 6);
        merged.GetProperty("number").GetInt32().ShouldBe(number);
        var explain = await CliRunner.RunAsync(dir.Path, "explain", "--forge", "local:" + forge, "#1", "--json");
        explain.Stdout.ShouldNotContain("required check autoship/gate");
    }

    /// <summary>Ticks until the one pull request satisfies <paramref name="done"/>; fails with the last listing after <paramref name="maxTicks"/>.</summary>
    private async Task<JsonElement> TickUntilAsync(string forge, Func<JsonElement, bool> done, int maxTicks = 30)
    {
        var last = string.Empty;
        for (var i = 0; i < maxTicks; i++)
        {
            var tick = await CliRunner.RunAsync(dir.Path, "tick", "--forge", "local:" + forge);
            tick.ExitCode.ShouldBe(0, tick.ToString());
            var list = await CliRunner.RunAsync(dir.Path, "local", "pr", "list", "--forge", forge, "--state", "all", "--json");
            list.ExitCode.ShouldBe(0, list.ToString());
            last = tick.Stdout + list.Stdout;
            var prs = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("pullRequests").EnumerateArray().Select(p => p.Clone()).ToList();
            if (prs is [var pr] && done(pr))
            {
                return pr;
            }

            await Task.Delay(300, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException($"the pull request never reached the awaited state in {maxTicks} ticks:\n{last}");
    }

    public void Dispose() => dir.Dispose();
}
