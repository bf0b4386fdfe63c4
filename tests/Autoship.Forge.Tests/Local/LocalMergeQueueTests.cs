using System.Globalization;
using Autoship.Core;
using Autoship.Core.Queue;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>
/// The merge queue against a real local forge and real CI. The sample project's tests fail when two changes claim
/// the same name or when the changes' weights add up to more than 10, so generated pairs and triples of changes
/// each pass alone and break together.
/// </summary>
public sealed class LocalMergeQueueTests
{
    private const string TestScript = """
        echo run >> "$AUTOSHIP_FORGE_DIR/runs"
        dups=$(cat parts/*.claim 2>/dev/null | sort | uniq -d)
        if [ -n "$dups" ]; then echo "duplicate claim: $dups"; exit 1; fi
        total=0
        for f in parts/*.weight; do [ -e "$f" ] || continue; total=$((total + $(cat "$f"))); done
        if [ "$total" -gt 10 ]; then echo "budget exceeded: $total > 10"; exit 1; fi
        echo ok
        """;

    private static Dictionary<string, string> Seed(string wait) => new()
    {
        ["scripts/test.sh"] = TestScript + "\n",
        [".github/autoship.yml"] = $"version: 1\nlanes:\n  safe:\n    queueBatchSize: 4\n    queueWait: {wait}\n",
        ["README.md"] = "# sample\n",
    };

    private sealed record Change(int Index, string Claim, int Weight);

    private sealed class Crash(string point) : Exception(point);

    private static bool Breaks(IEnumerable<Change> changes) =>
        changes.GroupBy(c => c.Claim).Any(g => g.Count() > 1) || changes.Sum(c => c.Weight) > 10;

    private static async Task<List<PullRequestSnapshot>> OpenAsync(LocalForgeFixture fx, LocalForge bot, IReadOnlyList<Change> changes)
    {
        var pulls = new List<PullRequestSnapshot>();
        foreach (var change in changes)
        {
            var issue = await bot.CreateIssueAsync($"Change {change.Index}", "please", [Labels.Ready], CancellationToken.None);
            var branch = $"autoship/{issue.Number}-change-{change.Index}";
            await fx.CommitAsync(branch, new Dictionary<string, string?>
            {
                [$"parts/p{change.Index}.claim"] = change.Claim + "\n",
                [$"parts/p{change.Index}.weight"] = change.Weight.ToString(CultureInfo.InvariantCulture) + "\n",
            });
            await bot.PushBranchAsync(fx.Clone, branch, null, CancellationToken.None);
            var pr = await bot.CreatePullRequestAsync(new NewPullRequest(branch, "main", $"Change {change.Index}", $"Fixes #{issue.Number}", ["lane:safe"]), CancellationToken.None);
            pr.Checks.ShouldContain(c => c.Name == "ci" && c.State == CheckState.Success, "each change passes alone");
            pulls.Add(pr);
        }

        return pulls;
    }

    /// <summary>Every commit main has pointed to since the seed passes the sample's tests: checked here from the trees, not from recorded statuses.</summary>
    private static async Task MainNeverRedAsync(LocalForgeFixture fx)
    {
        foreach (var commit in (await fx.BareGitAsync("rev-list", "--first-parent", "main")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var names = (await fx.BareGitAsync("ls-tree", "--name-only", commit, "parts/")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var contents = new Dictionary<string, string>();
            foreach (var name in names)
            {
                contents[name] = (await fx.BareGitAsync("show", $"{commit}:{name}")).Trim();
            }

            var onMain = contents.Keys.Where(k => k.EndsWith(".claim", StringComparison.Ordinal))
                .Select(k => new Change(0, contents[k], int.Parse(contents[k[..^".claim".Length] + ".weight"], CultureInfo.InvariantCulture))).ToList();
            Breaks(onMain).ShouldBeFalse($"main was red at {commit[..7]}");
        }
    }

    /// <summary>Drives MergeAsync on every open pull request as ticks would, until each one merged or was refused.</summary>
    private static async Task<Dictionary<int, MergeResult>> DriveAsync(LocalForgeFixture fx, LocalForge bot, IReadOnlyList<PullRequestSnapshot> pulls)
    {
        var final = await MergeTicks.DriveAsync(fx, bot, pulls, maxTicks: 12);
        foreach (var pr in pulls.Where(p => !final.ContainsKey(p.Number)))
        {
            // Merged while another pull request's call ran the queue.
            final[pr.Number] = await bot.MergeAsync(pr.Number, pr.HeadSha, pr.Title, pr.Body, CancellationToken.None);
        }

        return final;
    }

    private static async Task<long> EventsAsync(LocalForgeFixture fx, string kind)
    {
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(fx.ForgeDir, "forge.db")};Pooling=False");
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events WHERE kind = $k";
        command.Parameters.AddWithValue("$k", kind);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MergeAsync_GeneratedPairsAndTriplesThatBreakTogether_MainNeverRed_InnocentsMerge(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(2, 4);
        var changes = Enumerable.Range(1, count).Select(i => new Change(i, "name" + random.Next(0, count), random.Next(3, 7))).ToList();
        await using var fx = await LocalForgeFixture.CreateAsync(Seed(seed % 2 == 0 ? "1h" : "0s"));
        var bot = await fx.OpenAsync(runCi: true);
        var pulls = await OpenAsync(fx, bot, changes);

        var results = await DriveAsync(fx, bot, pulls);

        await MainNeverRedAsync(fx);
        var expected = new List<Change>();
        foreach (var change in changes.Where(c => !Breaks([.. expected, c])))
        {
            expected.Add(change);
        }

        for (var i = 0; i < count; i++)
        {
            var result = results[pulls[i].Number];
            var innocent = expected.Contains(changes[i]);
            result.Outcome.ShouldBe(innocent ? MergeOutcome.Merged : MergeOutcome.Refused, $"seed {seed}, change {i + 1}: {string.Join("; ", result.Reasons)}");
            if (!innocent)
            {
                result.Reasons.ShouldContain(r => r.Code == "queue-failed" && (r.Message.Contains("duplicate claim") || r.Message.Contains("budget exceeded")));
                var head = (await bot.GetPullRequestAsync(pulls[i].Number, CancellationToken.None))!;
                head.Open.ShouldBeTrue("a change that breaks the batch leaves the queue, not the forge");
                head.Checks.ShouldContain(c => c.Name == MergeQueueStatus.Context && c.State == CheckState.Failure);
            }
        }
    }

    [Fact]
    public async Task MergeAsync_TripleThatBreaksOnlyTogether_BatchFailsBisectsAndEjectsTheThird()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed("1h"));
        var bot = await fx.OpenAsync(runCi: true);
        var pulls = await OpenAsync(fx, bot, [new Change(1, "a", 4), new Change(2, "b", 4), new Change(3, "c", 4)]);
        foreach (var pr in pulls)
        {
            (await bot.MergeAsync(pr.Number, pr.HeadSha, pr.Title, pr.Body, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Enqueued);
        }

        var waiting = (await bot.GetPullRequestAsync(pulls[2].Number, CancellationToken.None))!.Checks.Single(c => c.Name == MergeQueueStatus.Context);
        waiting.Description.ShouldBe("waiting in the queue at position 3");
        fx.Clock.Advance(TimeSpan.FromHours(2));

        var third = await bot.MergeAsync(pulls[2].Number, pulls[2].HeadSha, pulls[2].Title, pulls[2].Body, CancellationToken.None);

        third.Outcome.ShouldBe(MergeOutcome.Refused);
        third.Reasons.ShouldHaveSingleItem().Message.ShouldContain("budget exceeded: 12 > 10");
        (await bot.GetPullRequestAsync(pulls[0].Number, CancellationToken.None))!.Merged.ShouldBeTrue();
        (await bot.GetPullRequestAsync(pulls[1].Number, CancellationToken.None))!.Merged.ShouldBeTrue();
        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("3", "the two innocent changes, squashed one after the other onto the seed");
        await MainNeverRedAsync(fx);
        (await EventsAsync(fx, "queue.failed")).ShouldBe(2, "[1,2,3] failed; [1,2] passed and merged; [3] failed alone on the new main");
        (await EventsAsync(fx, "queue.passed")).ShouldBe(1);
        (await EventsAsync(fx, "queue.ejected")).ShouldBe(1);

        var again = await bot.MergeAsync(pulls[2].Number, pulls[2].HeadSha, pulls[2].Title, pulls[2].Body, CancellationToken.None);
        again.Outcome.ShouldBe(MergeOutcome.Refused, "an ejected head does not re-enter until it changes");
    }

    [Fact]
    public async Task MergeAsync_EntrypointChangedByThePullRequest_CandidateRunsTheBasesEntrypoint()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed("0s"));
        var bot = await fx.OpenAsync(runCi: true);
        var first = (await OpenAsync(fx, bot, [new Change(1, "a", 9)]))[0];
        (await bot.MergeAsync(first.Number, first.HeadSha, first.Title, first.Body, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Merged);
        var issue = await bot.CreateIssueAsync("Cheat", "please", [Labels.Ready], CancellationToken.None);
        await fx.CommitAsync("autoship/9-cheat", new Dictionary<string, string?>
        {
            ["parts/p9.claim"] = "z\n",
            ["parts/p9.weight"] = "5\n",
            ["scripts/test.sh"] = "exit 0\n",
        });
        await bot.PushBranchAsync(fx.Clone, "autoship/9-cheat", null, CancellationToken.None);
        var cheat = await bot.CreatePullRequestAsync(new NewPullRequest("autoship/9-cheat", "main", "Cheat", $"Fixes #{issue.Number}", ["lane:safe"]), CancellationToken.None);

        var result = await bot.MergeAsync(cheat.Number, cheat.HeadSha, cheat.Title, cheat.Body, CancellationToken.None);

        result.Outcome.ShouldBe(MergeOutcome.Refused);
        result.Reasons.ShouldHaveSingleItem().Message.ShouldContain("budget exceeded: 14 > 10");
        await MainNeverRedAsync(fx);
    }

    [Fact]
    public async Task MergeAsync_CrashedAfterTheBaseMoved_NextObservationCompletesEveryMemberOfTheBatch()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed("1h"));
        var bot = await fx.OpenAsync(runCi: true);
        var pulls = await OpenAsync(fx, bot, [new Change(1, "a", 1), new Change(2, "b", 1)]);
        (await bot.MergeAsync(pulls[0].Number, pulls[0].HeadSha, pulls[0].Title, pulls[0].Body, CancellationToken.None)).Outcome.ShouldBe(MergeOutcome.Enqueued);
        fx.Clock.Advance(TimeSpan.FromHours(2));
        LocalCrashPoint.OnReached = p =>
        {
            if (p == "merge-after-update-ref")
            {
                throw new Crash(p);
            }
        };
        try
        {
            await Should.ThrowAsync<Crash>(() => bot.MergeAsync(pulls[1].Number, pulls[1].HeadSha, pulls[1].Title, pulls[1].Body, CancellationToken.None));
        }
        finally
        {
            LocalCrashPoint.OnReached = null;
        }

        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("3");
        (await bot.GetPullRequestAsync(pulls[0].Number, CancellationToken.None))!.Open.ShouldBeTrue();

        var reopened = await fx.OpenAsync(runCi: true);
        await reopened.ObserveAsync(CancellationToken.None);

        foreach (var pr in pulls)
        {
            (await reopened.GetPullRequestAsync(pr.Number, CancellationToken.None))!.Merged.ShouldBeTrue();
        }

        (await fx.BareGitAsync("rev-list", "--count", "main")).ShouldBe("3", "no member is squashed twice");
    }
}
