using System.Globalization;
using Autoship.Core;
using Autoship.Core.Queue;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>
/// While the local merge queue works, each queued head's green <c>autoship/gate</c> status says where it stands:
/// its position, or its batch being bisected — observed here in the middle of a real bisection, held open by the
/// sample's test script until the test has seen it.
/// </summary>
public sealed class LocalMergeQueueGateTests
{
    /// <summary>Weights above 10 fail; a two-change candidate waits for the test's go once the test asks it to hold.</summary>
    private const string TestScript = """
        if [ -e "$AUTOSHIP_FORGE_DIR/hold" ] && [ "$(ls parts/*.weight | wc -l)" -eq 2 ]; then
          while [ ! -e "$AUTOSHIP_FORGE_DIR/release" ]; do sleep 0.1; done
        fi
        total=0
        for f in parts/*.weight; do [ -e "$f" ] || continue; total=$((total + $(cat "$f"))); done
        if [ "$total" -gt 10 ]; then echo "budget exceeded: $total > 10"; exit 1; fi
        echo ok
        """;

    [Fact]
    public async Task MergeAsync_QueuedAndBisecting_GateStatusSaysThePositionThenTheBisection()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(new Dictionary<string, string>
        {
            ["scripts/test.sh"] = TestScript + "\n",
            [".github/autoship.yml"] = "version: 1\nlanes:\n  safe:\n    queueBatchSize: 4\n    queueWait: 1h\n",
        });
        // The CI timeout is a hang guard: the held candidate must not time out while the test looks.
        await using var bot = await LocalForge.OpenAsync(fx.ForgeDir, LocalForge.HarnessLogin, fx.Clock, new LocalForgeOptions { RunCi = true, CiTimeout = TimeSpan.FromMinutes(5) }, CancellationToken.None);
        var pulls = new List<PullRequestSnapshot>();
        for (var i = 1; i <= 3; i++)
        {
            var issue = await bot.CreateIssueAsync($"Change {i}", "please", [Labels.Ready], CancellationToken.None);
            var branch = $"autoship/{issue.Number}-change-{i}";
            await fx.CommitAsync(branch, new Dictionary<string, string?> { [$"parts/p{i}.weight"] = "4\n" });
            await bot.PushBranchAsync(fx.Clone, branch, null, CancellationToken.None);
            var pr = await bot.CreatePullRequestAsync(new NewPullRequest(branch, "main", $"Change {i}", $"Fixes #{issue.Number}", ["lane:safe"]), CancellationToken.None);
            // What the planner publishes for a head the gate lets merge.
            await bot.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("autoship/gate", CheckState.Success, "merge (lane A safe): every requirement of lane A (safe) is met", "http://dash/items/" + issue.Number), CancellationToken.None);
            pulls.Add(pr);
            (await bot.MergeAsync(pr.Number, pr.HeadSha, pr.Title, pr.Body, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Enqueued);
        }

        for (var i = 0; i < 3; i++)
        {
            var gate = await GateAsync(bot, pulls[i]);
            gate.State.ShouldBe(CheckState.Success);
            gate.Description.ShouldBe($"merge (lane A safe): waiting in the queue at position {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            gate.Url.ShouldBe($"http://dash/items/{BranchNumber(pulls[i])}", "the link to the item stays");
        }

        await File.WriteAllTextAsync(Path.Combine(fx.ForgeDir, "hold"), string.Empty);
        fx.Clock.Advance(TimeSpan.FromHours(2));
        var run = Task.Run(() => bot.MergeAsync(pulls[2].Number, pulls[2].HeadSha, pulls[2].Title, pulls[2].Body, CancellationToken.None));
        var seen = await UntilAsync(async () => (await GateAsync(bot, pulls[0])).Description ?? string.Empty, d => d.Contains("bisecting", StringComparison.Ordinal), run);
        await File.WriteAllTextAsync(Path.Combine(fx.ForgeDir, "release"), string.Empty);
        (await run).Outcome.ShouldBe(MergeOutcome.Refused, "the third change breaks the budget alone on the new main");

        seen.ShouldStartWith("merge (lane A safe): batch #");
        seen.ShouldContain("failed; bisecting: testing #" + pulls[0].Number + ", #" + pulls[1].Number + " merged onto");
        (await GateAsync(bot, pulls[2])).State.ShouldBe(CheckState.Success, "the gate's verdict is the planner's: the next tick rejects the ejected head");
        (await bot.GetPullRequestAsync(pulls[0].Number, CancellationToken.None))!.Merged.ShouldBeTrue();
        (await bot.GetPullRequestAsync(pulls[1].Number, CancellationToken.None))!.Merged.ShouldBeTrue();
        (await bot.GetPullRequestAsync(pulls[2].Number, CancellationToken.None))!.Checks
            .ShouldContain(c => c.Name == MergeQueueStatus.Context && c.State == CheckState.Failure);
    }

    private static int BranchNumber(PullRequestSnapshot pr) => BranchNames.IssueOf(pr.HeadBranch)!.Value;

    private static async Task<CheckSnapshot> GateAsync(LocalForge bot, PullRequestSnapshot pr) =>
        (await bot.GetPullRequestAsync(pr.Number, CancellationToken.None))!.Checks.Single(c => c.Name == "autoship/gate" && c.Sha == pr.HeadSha);

    /// <summary>Polls until <paramref name="done"/> holds (a hang guard of minutes, not a speed check); fails if the run ends first.</summary>
    private static async Task<string> UntilAsync(Func<Task<string>> read, Func<string, bool> done, Task<MergeResult> run)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            run.IsCompleted.ShouldBeFalse($"the queue finished without the gate status ever saying so; last: {value}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), guard.Token);
        }
    }
}
