using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Demo;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;
using Autoship.Forge;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// Issue 14 item 7, end to end on the local forge: CI fails, then the reviewer agent requests changes, then a human
/// requests changes on the lane-C PR. Each time the author continues on the same branch with what went wrong in its
/// prompt, and the one PR merges once everything passes. The author and reviewer are a <c>command</c> agent (a shell
/// script) that keeps every prompt it receives.
/// </summary>
public sealed class FixForwardTests
{
    private const string Script = """
        #!/bin/sh
        D="$(dirname "$0")"
        p="$1"
        if head -c 60 "$p" | grep -q "reviewer agent"; then
          n=$(cat "$D/reviews" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$D/reviews"
          cp "$p" "$D/review-prompt-$n.md"
          echo '```json'
          if [ "$n" = 1 ]; then
            echo '{"verdict":"request_changes","findings":[{"rubric":"validation","severity":"error","message":"REVIEWER-FINDING-OTTER: say why 30 minutes","path":"src/auth/session.py"}]}'
          else
            echo '{"verdict":"approve","findings":[]}'
          fi
          echo '```'
          exit 0
        fi
        n=$(cat "$D/authors" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$D/authors"
        cp "$p" "$D/author-prompt-$n.md"
        sed -i 's/SESSION_TTL_SECONDS = 3600/SESSION_TTL_SECONDS = 1800/' src/auth/session.py
        echo "# revision $n" >> src/auth/session.py
        if [ "$n" = 1 ]; then
          printf 'import os\nimport unittest\n\n\nclass CiOnlyTest(unittest.TestCase):\n    def test_ci(self):\n        self.assertNotEqual(os.environ.get("AUTOSHIP_DEPLOY_ENV"), "ci", "CI-LOG-PANGOLIN")\n' > tests/test_ci_only.py
        else
          rm -f tests/test_ci_only.py
        fi
        """;

    [Fact]
    public async Task TickAsync_CiThenReviewerThenHuman_AuthorFixesForwardOnTheSameBranchAndThePrMerges()
    {
        await using var demo = await DemoForge.CreateAsync();
        var agentDir = Path.Combine(demo.Root, "agent");
        Directory.CreateDirectory(agentDir);
        var script = Path.Combine(agentDir, "agent.sh");
        await File.WriteAllTextAsync(script, Script.ReplaceLineEndings("\n") + "\n");
        await demo.CommitToMainAsync(".github/autoship.yml", Config(script));
        var number = await demo.FileIssueAsync("auth");
        await using var alice = await demo.OpenAsync(LocalSample.Writer);

        // Attempt 1 opens the PR with a test that passes in the agent's validation but fails in CI.
        await using (var session = await demo.SessionAsync())
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            report.Actions.ShouldContain(a => a.Action is StartAttempt && a.Outcome == ActionOutcome.Ok);
        }

        var pr = (await alice.ListPullRequestsAsync("open", CancellationToken.None)).ShouldHaveSingleItem();

        // Attempt 2 fixes CI forward; the reviewer requests changes; attempt 3 fixes that; the reviewer approves; lane C holds.
        var log = new List<string>();
        await demo.RunUntilQuietAsync((a, _) => { log.Add(a.Describe()); return Task.CompletedTask; });
        var prompt2 = File.ReadAllText(Path.Combine(agentDir, "author-prompt-2.md"));
        prompt2.ShouldContain("CI-LOG-PANGOLIN", customMessage: prompt2[^Math.Min(1500, prompt2.Length)..] + "\n" + string.Join("\n", log));
        prompt2.ShouldNotContain("REVIEWER-FINDING-OTTER");
        File.ReadAllText(Path.Combine(agentDir, "author-prompt-3.md")).ShouldContain("REVIEWER-FINDING-OTTER");
        File.Exists(Path.Combine(agentDir, "author-prompt-4.md")).ShouldBeFalse();

        // A write-access human requests changes on the held PR: attempt 4 fixes it forward.
        var held = (await alice.ListPullRequestsAsync("open", CancellationToken.None)).ShouldHaveSingleItem();
        held.Number.ShouldBe(pr.Number);
        await alice.SubmitPersonReviewAsync(held.Number, ReviewVerdict.RequestChanges, "HUMAN-ASK-WOMBAT: mention the new TTL in the changelog", CancellationToken.None);
        await demo.RunUntilQuietAsync();
        File.ReadAllText(Path.Combine(agentDir, "author-prompt-4.md")).ShouldContain("HUMAN-ASK-WOMBAT");
        File.ReadAllText(Path.Combine(agentDir, "author-prompt-4.md")).ShouldContain("attempt 4");

        // Approved by the human on the new head: the one PR merges with all four attempts' commits.
        await demo.ApproveOpenPullRequestsAsync();
        await demo.RunUntilQuietAsync();
        var all = await alice.ListPullRequestsAsync("all", CancellationToken.None);
        var merged = all.ShouldHaveSingleItem();
        merged.Merged.ShouldBeTrue();
        File.ReadAllText(Path.Combine(agentDir, "authors")).Trim().ShouldBe("4");
        (await alice.GetIssueAsync(number, CancellationToken.None))!.Open.ShouldBeFalse();
        var main = await alice.ReadFileAsync("src/auth/session.py", "main", CancellationToken.None);
        main.ShouldNotBeNull().ShouldContain("# revision 4");
        main.ShouldContain("# revision 1");
    }

    private static async Task<string> EventsAsync(DemoForge demo)
    {
        await using var session = await demo.SessionAsync();
        var report = await session.Reconciler.TickAsync(true, CancellationToken.None);
        return string.Join("\n", report.Actions.Select(a => a.Message));
    }

    /// <summary>The demo configuration with the auth owner and its reviewer run as the script, and room for four attempts.</summary>
    private static string Config(string script)
    {
        var text = DemoRunner.DemoConfig().Replace("maxAttempts: 3 ", "maxAttempts: 5 ", StringComparison.Ordinal);
        foreach (var agent in new[] { "name: control-plane-steward", "name: qa-reliability-engineer" })
        {
            var at = text.IndexOf(agent, StringComparison.Ordinal);
            const string builtin = "runner: { preset: builtin, model: null, args: [], command: [] }";
            var runner = text.IndexOf(builtin, at, StringComparison.Ordinal);
            text = text[..runner] + $"runner: {{ preset: command, model: null, args: [], command: [\"sh\", \"{script}\", \"{{prompt_file}}\"] }}" + text[(runner + builtin.Length)..];
        }

        text.ShouldContain("maxAttempts: 5");
        return text;
    }
}
