using System.Globalization;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// Issue 13 item 4, bounded (3 replicas × 6 local forges; <c>scripts/bench-replicas.sh</c> runs 3 × 20): real
/// <c>autoship serve</c> replicas on one PostgreSQL split the repositories (each at most its share), every repository
/// ticks, one replica is killed with SIGKILL and its repositories tick again on the others; at the end every forge
/// shows each issue with exactly one PR, one state comment and one merge. Times are measured and reported, never asserted.
/// </summary>
public sealed class ReplicaTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Replicas_ShareRepositories_KilledReplicaTakenOver_NothingDoneTwice()
    {
        var admin = Environment.GetEnvironmentVariable("AUTOSHIP_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Assert.Skip("AUTOSHIP_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL cluster and sets it");
        }

        var forgeCount = Number("AUTOSHIP_REPLICAS_FORGES", 6);
        var replicaCount = Number("AUTOSHIP_REPLICAS", 3);
        var patience = TimeSpan.FromSeconds(Number("AUTOSHIP_REPLICAS_PATIENCE_SECONDS", 420));
        var ct = TestContext.Current.CancellationToken;
        await using var fleet = await ReplicaFleet.CreateAsync(admin, forgeCount, issues: Number("AUTOSHIP_REPLICAS_ISSUES", 2));
        var started = DateTimeOffset.UtcNow;
        for (var r = 0; r < replicaCount; r++)
        {
            fleet.Start(Every, Ttl);
        }

        // 1. Every repository is held by a live replica, none holds more than its share, and every one has ticked.
        var share = (forgeCount + replicaCount - 1) / replicaCount;
        var pids = fleet.Processes.Select(p => p.Id).ToHashSet();
        IReadOnlyDictionary<string, int> holders = new Dictionary<string, int>();
        await WaitAsync(async () =>
        {
            holders = await fleet.HoldersAsync();
            var ticked = 0;
            foreach (var name in fleet.Names)
            {
                ticked += (await fleet.TicksAsync(name)).Count > 0 ? 1 : 0;
            }

            return holders.Count == forgeCount && ticked == forgeCount && holders.Values.GroupBy(p => p).All(g => g.Count() <= share) && holders.Values.Distinct().Count() == replicaCount;
        }, patience, fleet, "every repository held within its replica's share and ticked once");
        var firstSpread = DateTimeOffset.UtcNow - started;
        holders.Values.ShouldAllBe(p => pids.Contains(p));

        // 2. Kill -9 the replica that holds the most; its repositories must tick again on the others.
        var victimPid = holders.Values.GroupBy(p => p).OrderByDescending(g => g.Count()).First().Key;
        var orphans = holders.Where(h => h.Value == victimPid).Select(h => h.Key).ToList();
        var victim = fleet.Processes.Single(p => p.Id == victimPid);
        var killedAt = DateTimeOffset.UtcNow;
        victim.Kill(entireProcessTree: true);
        await victim.WaitForExitAsync(ct);
        var resumed = new Dictionary<string, TimeSpan>();
        await WaitAsync(async () =>
        {
            var now = await fleet.HoldersAsync();
            foreach (var name in orphans.Where(o => !resumed.ContainsKey(o)))
            {
                var after = (await fleet.TicksAsync(name)).FirstOrDefault(t => t.StartedAt > killedAt);
                if (after is not null && now.TryGetValue(name, out var holder) && holder != victimPid)
                {
                    resumed[name] = after.StartedAt - killedAt;
                }
            }

            return resumed.Count == orphans.Count;
        }, patience, fleet, $"the {orphans.Count} repositories of the killed replica tick again elsewhere");
        var survivors = (await fleet.HoldersAsync()).Values.ToList();
        survivors.ShouldNotContain(victimPid);
        survivors.GroupBy(p => p).ShouldAllBe(g => g.Count() <= (forgeCount + replicaCount - 2) / (replicaCount - 1));

        // 3. The work finishes, and the forges show nothing done twice.
        var violations = new List<string>();
        await WaitAsync(async () =>
        {
            violations.Clear();
            foreach (var (forge, name) in fleet.Forges.Zip(fleet.Names))
            {
                violations.AddRange((await forge.InvariantsAsync()).Select(v => $"{name}: {v}"));
            }

            return violations.Count == 0;
        }, patience, fleet, "every issue merged once", () => string.Join("\n", violations));
        var finished = DateTimeOffset.UtcNow - started;

        // Figures: how regularly each repository ticked (gaps between tick starts), and the takeover times.
        var gaps = new List<double>();
        var ticks = 0;
        foreach (var name in fleet.Names)
        {
            var list = await fleet.TicksAsync(name);
            ticks += list.Count;
            gaps.AddRange(list.Zip(list.Skip(1)).Where(p => p.First.StartedAt > killedAt || p.Second.StartedAt < killedAt).Select(p => (p.Second.StartedAt - p.First.StartedAt).TotalSeconds));
        }

        gaps.Sort();
        var repeated = await fleet.RepeatedRunsAsync();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"replicas {replicaCount} × {forgeCount} forges (every {Every.TotalSeconds:0} s, lease TTL {Ttl.TotalSeconds:0} s): spread in {firstSpread.TotalSeconds:0.0} s; " +
            $"{ticks} ticks, gap between ticks median {Percentile(gaps, 0.5):0.0} s, p95 {Percentile(gaps, 0.95):0.0} s; " +
            $"kill -9 of a replica holding {orphans.Count}: resumed elsewhere in max {resumed.Values.Max().TotalSeconds:0.0} s (TTL {Ttl.TotalSeconds:0} s); " +
            $"all merged in {finished.TotalSeconds:0} s; 0 double PRs/comments/merges; {repeated} agent run(s) repeated after the kill");
        output.WriteLine(summary);
        KillCampaignTests.Report(summary);
        violations.ShouldBeEmpty();
    }

    private static int Number(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * sorted.Count))];

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan patience, ReplicaFleet fleet, string what, Func<string>? detail = null)
    {
        var until = DateTimeOffset.UtcNow + patience;
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                Assert.Fail($"not reached within {patience.TotalSeconds:0} s: {what}\n{detail?.Invoke()}\n{fleet.Logs()}");
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
