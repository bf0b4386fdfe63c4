using System.Diagnostics;
using System.Globalization;
using Autoship.Core;
using Autoship.Core.Queue;
using Autoship.Forge.Local;
using CsCheck;

namespace Autoship.Forge.Tests.Local;

/// <summary>
/// Generated sets of 2–5 pull requests against a real local forge (real git, the local CI, the real merge queue):
/// each passes alone, but a hidden interaction breaks the sample's tests when a planted pair (two changes claim the
/// same name) or triple (three weights that add up to more than 10) is combined, a planted pair may also edit the same
/// line (a textual conflict), and the rest are innocent. After the queue runs to quiescence, what is on the forge says:
/// every commit on main's first-parent history passes the base's own entrypoint (run again here on each tree), every
/// innocent merged, each culprit left the queue with the failing reason, and no pull request merged twice.
/// Real git is slow, so the sample is small (CsCheck, <see cref="Iterations"/> iterations on one thread; CsCheck's
/// shrinking only uses what is left of those iterations, so it is bounded too). A failure prints the seed:
/// set <c>CsCheck_Seed</c> to replay it.
/// </summary>
public sealed class MergeQueueGeneratedTests
{
    private const int Iterations = 5;

    private const int Slots = 3;

    /// <summary>The sample's tests: a cross-file invariant no single change can break (names unique, weights ≤ 10).</summary>
    private const string TestScript = """
        dups=$(cat parts/*.claim 2>/dev/null | sort | uniq -d)
        if [ -n "$dups" ]; then echo "duplicate claim: $dups"; exit 1; fi
        total=0
        for f in parts/*.weight; do [ -e "$f" ] || continue; total=$((total + $(cat "$f"))); done
        if [ "$total" -gt 10 ]; then echo "budget exceeded: $total > 10"; exit 1; fi
        echo ok
        """;

    private enum Interaction
    {
        ClaimPair,
        WeightTriple,
    }

    /// <summary>One pull request of a scenario: its claimed name, its weight, and the line of slots.txt it edits (if any).</summary>
    private sealed record Change(int Index, string Claim, int Weight, int? Slot, bool Innocent);

    private sealed record Scenario(IReadOnlyList<Change> Changes, int BatchSize, bool Wait, Interaction Interaction)
    {
        public override string ToString() =>
            $"{Interaction}, batch {BatchSize}, wait {(Wait ? "1h" : "0s")}: "
            + string.Join(", ", Changes.Select(c => $"p{c.Index}(claim {c.Claim}, weight {c.Weight}{(c.Slot is { } s ? $", slot {s}" : string.Empty)}{(c.Innocent ? ", innocent" : string.Empty)})"));
    }

    private static readonly Gen<Scenario> Scenarios =
        from n in Gen.Int[2, 5]
        from kind in Gen.Int[0, n >= 3 ? 1 : 0]
        from order in Gen.Int.Array[n]
        from weights in Gen.Int[0, 1].Array[n]
        from conflict in Gen.Bool
        from slot in Gen.Int[0, Slots - 1]
        from batch in Gen.Int[1, 4]
        from wait in Gen.Bool
        select Build(n, (Interaction)kind, order, weights, conflict, slot, batch, wait);

    /// <summary>Plants the interaction on a random subset (by the shuffled <paramref name="order"/>); the others are innocent.</summary>
    private static Scenario Build(int n, Interaction kind, int[] order, int[] weights, bool conflict, int slot, int batch, bool wait)
    {
        var shuffled = Enumerable.Range(0, n).OrderBy(i => order[i]).ThenBy(i => i).ToList();
        var interacting = shuffled.Take(kind == Interaction.WeightTriple ? 3 : 2).ToHashSet();
        // The conflicting pair overlaps the interaction by one member when it can, so both orders of events happen.
        var conflicting = conflict ? shuffled.Skip(1).Take(2).ToHashSet() : [];
        var changes = Enumerable.Range(0, n).Select(i => new Change(
            i + 1,
            kind == Interaction.ClaimPair && interacting.Contains(i) ? "shared" : "solo" + (i + 1).ToString(CultureInfo.InvariantCulture),
            kind == Interaction.WeightTriple && interacting.Contains(i) ? 4 : weights[i],
            conflicting.Contains(i) ? slot : null,
            !interacting.Contains(i) && !conflicting.Contains(i))).ToList();
        return new Scenario(changes, batch, wait, kind);
    }

    private static bool Breaks(IReadOnlyCollection<Change> changes) =>
        changes.GroupBy(c => c.Claim).Any(g => g.Count() > 1) || changes.Sum(c => c.Weight) > 10;

    /// <summary>The model: in queue order, a change merges exactly when it neither breaks the tests nor conflicts with what merged before it.</summary>
    private static HashSet<int> ExpectedMerged(IReadOnlyList<Change> changes)
    {
        var merged = new List<Change>();
        foreach (var change in changes)
        {
            if (!Breaks([.. merged, change]) && !merged.Any(m => m.Slot is { } s && s == change.Slot))
            {
                merged.Add(change);
            }
        }

        return [.. merged.Select(c => c.Index)];
    }

    private static Dictionary<string, string> Seed(Scenario s)
    {
        var slots = string.Join(string.Empty, Enumerable.Range(0, Slots).Select(i => $"slot {i}: free\n\n\n\n"));
        return new()
        {
            ["scripts/test.sh"] = TestScript + "\n",
            [".github/autoship.yml"] = $"version: 1\nlanes:\n  safe:\n    queueBatchSize: {s.BatchSize}\n    queueWait: {(s.Wait ? "1h" : "0s")}\n",
            ["slots.txt"] = slots,
            ["README.md"] = "# sample\n",
        };
    }

    [Fact]
    public async Task MergeQueue_GeneratedPairsTriplesAndConflicts_MainNeverRed_InnocentsMerge_CulpritsLeaveWithTheReason()
    {
        await Scenarios.SampleAsync(RunAsync, iter: Iterations, threads: 1, print: s => s.ToString());
    }

    private static async Task RunAsync(Scenario scenario)
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed(scenario));
        // The CI timeout is a hang guard only: the fixture's 30 s fails healthy runs on a machine this busy.
        await using var bot = await LocalForge.OpenAsync(fx.ForgeDir, LocalForge.HarnessLogin, fx.Clock, new LocalForgeOptions { RunCi = true, CiTimeout = TimeSpan.FromMinutes(5) }, CancellationToken.None);
        var slots = await fx.BareGitAsync("show", "main:slots.txt");
        var pulls = new List<PullRequestSnapshot>();
        foreach (var change in scenario.Changes)
        {
            pulls.Add(await OpenAsync(fx, bot, change, slots));
        }

        var results = await DriveAsync(fx, bot, pulls);

        (await ScalarAsync(fx, "SELECT COUNT(*) FROM merge_queue")).ShouldBe(0, "the queue ran to quiescence");
        await MainPassesTheEntrypointAsync(fx);
        var expected = ExpectedMerged(scenario.Changes);
        expected.Count.ShouldBeLessThan(scenario.Changes.Count, "the planted interaction always has a culprit");
        foreach (var (change, pr) in scenario.Changes.Zip(pulls))
        {
            var now = (await bot.GetPullRequestAsync(pr.Number, CancellationToken.None))!;
            var merges = await ScalarAsync(fx, $"SELECT COUNT(*) FROM events WHERE kind = 'merged' AND target = '#{pr.Number}'");
            var subjects = await fx.BareGitAsync("log", "--first-parent", "--format=%s", "main");
            var onMain = subjects.Split('\n').Count(s => s.EndsWith($"(#{pr.Number})", StringComparison.Ordinal));
            if (change.Innocent)
            {
                expected.ShouldContain(change.Index, "an innocent change is never a culprit in the model");
            }

            if (expected.Contains(change.Index))
            {
                now.Merged.ShouldBeTrue($"p{change.Index} (#{pr.Number}) merges");
                merges.ShouldBe(1, $"p{change.Index} merged once");
                onMain.ShouldBe(1, $"p{change.Index} is squashed onto main exactly once");
                continue;
            }

            now.Merged.ShouldBeFalse($"p{change.Index} (#{pr.Number}) is a culprit");
            now.Open.ShouldBeTrue("a culprit leaves the queue, not the forge");
            merges.ShouldBe(0);
            onMain.ShouldBe(0);
            var before = scenario.Changes.Where(c => expected.Contains(c.Index) && c.Index < change.Index).ToList();
            var conflicts = before.Any(c => c.Slot is { } s && s == change.Slot);
            var why = conflicts ? "conflicts with main in slots.txt"
                : before.Any(c => c.Claim == change.Claim) ? $"duplicate claim: {change.Claim}"
                : "budget exceeded";
            var ejected = await TextsAsync(fx, $"SELECT json_extract(payload, '$.reason') FROM events WHERE kind = 'queue.ejected' AND target = '#{pr.Number}'");
            var refused = results[pr.Number];
            refused.Outcome.ShouldBe(MergeOutcome.Refused);
            if (conflicts && ejected.Count == 0)
            {
                // Its rival merged before it was queued: the forge refuses it at the door with the conflicting paths.
                refused.Reasons.ShouldContain(r => r.Code == "not-mergeable" && r.Message.Contains(why, StringComparison.Ordinal), string.Join("; ", refused.Reasons));
                continue;
            }

            // Ejected during another pull request's call, its own call answers with the (140-character) status; the event keeps the whole reason.
            // A conflicting head ejected by the queue is refused at the door on its next call, as the base now conflicts.
            refused.Reasons.ShouldContain(r => r.Code == "queue-failed" || (conflicts && r.Code == "not-mergeable"), string.Join("; ", refused.Reasons));
            var left = now.Checks.Where(c => c.Name == MergeQueueStatus.Context && c.Sha == now.HeadSha).ShouldHaveSingleItem();
            left.State.ShouldBe(CheckState.Failure);
            left.Description!.ShouldContain($"#{pr.Number} fails the base branch's validation");
            ejected.ShouldHaveSingleItem($"p{change.Index} left the queue once").ShouldContain(why);
        }

        (await fx.BareGitAsync("rev-list", "--count", "--first-parent", "main")).ShouldBe((1 + expected.Count).ToString(CultureInfo.InvariantCulture), "the seed plus one squash commit per merged change");
    }

    private static async Task<PullRequestSnapshot> OpenAsync(LocalForgeFixture fx, LocalForge bot, Change change, string slots)
    {
        var issue = await bot.CreateIssueAsync($"Change {change.Index}", "please", [Labels.Ready], CancellationToken.None);
        var branch = $"autoship/{issue.Number}-change-{change.Index}";
        var files = new Dictionary<string, string?>
        {
            [$"parts/p{change.Index}.claim"] = change.Claim + "\n",
            [$"parts/p{change.Index}.weight"] = change.Weight.ToString(CultureInfo.InvariantCulture) + "\n",
        };
        if (change.Slot is { } slot)
        {
            files["slots.txt"] = slots.Replace($"slot {slot}: free", $"slot {slot}: taken by p{change.Index}", StringComparison.Ordinal);
        }

        await fx.CommitAsync(branch, files);
        await bot.PushBranchAsync(fx.Clone, branch, null, CancellationToken.None);
        var pr = await bot.CreatePullRequestAsync(new NewPullRequest(branch, "main", $"Change {change.Index}", $"Fixes #{issue.Number}", ["lane:safe"]), CancellationToken.None);
        pr.Checks.ShouldContain(c => c.Name == "ci" && c.State == CheckState.Success, $"p{change.Index} passes alone");
        return pr;
    }

    /// <summary>Merge calls as ticks make them, until each pull request merged or was refused.</summary>
    private static async Task<Dictionary<int, MergeResult>> DriveAsync(LocalForgeFixture fx, LocalForge bot, IReadOnlyList<PullRequestSnapshot> pulls)
    {
        var settled = await MergeTicks.DriveAsync(fx, bot, pulls, maxTicks: 8);
        settled.Count.ShouldBe(pulls.Count, "every pull request settles within a few ticks");
        return settled;
    }

    /// <summary>Runs the base's entrypoint (unchanged since the seed) on the tree of every commit of main's first-parent history.</summary>
    private static async Task MainPassesTheEntrypointAsync(LocalForgeFixture fx)
    {
        foreach (var commit in (await fx.BareGitAsync("rev-list", "--first-parent", "main")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            (await fx.BareGitAsync("show", $"{commit}:scripts/test.sh")).Trim().ShouldBe(TestScript.Trim(), "the base's entrypoint never changed");
            var tree = Path.Combine(fx.Root, "check-" + commit[..12]);
            Directory.CreateDirectory(tree);
            var extract = await RunAsync(tree, "bash", "-c", $"git --git-dir '{Path.Combine(fx.ForgeDir, "repo.git")}' archive {commit} | tar -x");
            extract.Code.ShouldBe(0, extract.Output);
            var run = await RunAsync(tree, "bash", "scripts/test.sh");
            run.Code.ShouldBe(0, $"main was red at {commit[..7]}: {run.Output}");
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string directory, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<List<string>> TextsAsync(LocalForgeFixture fx, string sql)
    {
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(fx.ForgeDir, "forge.db")};Pooling=False");
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    private static async Task<long> ScalarAsync(LocalForgeFixture fx, string sql)
    {
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(fx.ForgeDir, "forge.db")};Pooling=False");
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
