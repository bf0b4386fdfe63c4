using System.Globalization;
using Autoship.Agents;
using Autoship.Engine.Store;
using Npgsql;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// 2 and 4 real orchestrator processes at once on one local forge, with one shared store or one store each, SQLite
/// and PostgreSQL (when <c>AUTOSHIP_TEST_POSTGRES</c> is set): 0 double agent runs (counted in every store), 0 double
/// PRs, 0 double merges, 0 crashes. One run per case here; <c>AUTOSHIP_CONCURRENCY_RUNS</c> (the script) sets more.
/// </summary>
public sealed class ConcurrencyCampaignTests(ITestOutputHelper output)
{
    private const int TicksPerOrchestrator = 2;

    [Theory]
    [InlineData(2, "shared-sqlite")]
    [InlineData(4, "shared-sqlite")]
    [InlineData(2, "separate-sqlite")]
    [InlineData(4, "separate-sqlite")]
    [InlineData(2, "shared-postgres")]
    [InlineData(4, "shared-postgres")]
    [InlineData(2, "separate-postgres")]
    [InlineData(4, "separate-postgres")]
    public async Task Orchestrators_AtOnceOnOneForge_NeverRunAnAgentTwiceNorOpenOrMergeTwice(int orchestrators, string stores)
    {
        var admin = Environment.GetEnvironmentVariable("AUTOSHIP_TEST_POSTGRES");
        if (stores.EndsWith("postgres", StringComparison.Ordinal) && string.IsNullOrEmpty(admin))
        {
            Assert.Skip("AUTOSHIP_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL cluster and sets it");
        }

        var runs = int.Parse(Environment.GetEnvironmentVariable("AUTOSHIP_CONCURRENCY_RUNS") ?? "1", CultureInfo.InvariantCulture);
        var violations = new List<string>();
        var crashes = 0;
        var lostRaces = 0;
        for (var run = 1; run <= runs; run++)
        {
            using var forge = await CampaignForge.CreateAsync(issues: 2);
            var storeOf = await StoresAsync(forge, orchestrators, stores, admin);
            var results = await Task.WhenAll(Enumerable.Range(0, orchestrators).Select(async o =>
            {
                var env = new Dictionary<string, string> { ["AUTOSHIP_STATE_DIR"] = Path.Combine(forge.Root, stores.StartsWith("shared", StringComparison.Ordinal) ? "state" : $"state-{o}") };
                var outcomes = new List<CliRunner.Result>();
                for (var t = 0; t < TicksPerOrchestrator; t++)
                {
                    outcomes.Add(await forge.TickAsync(env, storeOf[o]));
                }

                return outcomes;
            }));

            // Evidence that the orchestrators really raced: claims lost on the forge, leases found busy.
            lostRaces += results.SelectMany(r => r).Count(r => r.Stdout.Contains("claim-taken", StringComparison.Ordinal) || r.Stdout.Contains("lease-busy", StringComparison.Ordinal));
            foreach (var result in results.SelectMany(r => r).Where(r => r.ExitCode != 0))
            {
                crashes++;
                violations.Add($"run {run}: a tick exited {result.ExitCode}: {result.Stderr.Trim()}");
            }

            // Whatever is left (e.g. a lost claim race) one more tick finishes; the invariants hold after it.
            if ((await forge.InvariantsAsync()).Count > 0)
            {
                await forge.TickAsync(null, storeOf[0]);
            }

            var before = violations.Count;
            violations.AddRange((await forge.InvariantsAsync()).Select(v => $"run {run}: {v}"));
            violations.AddRange((await DoubleRunsAsync(forge, storeOf.Distinct())).Select(v => $"run {run}: {v}"));
            if (violations.Count > before)
            {
                // The evidence to diagnose it: every orchestrator's ticks, in order.
                for (var o = 0; o < results.Length; o++)
                {
                    foreach (var (tick, t) in results[o].Select((r, t) => (r, t)))
                    {
                        output.WriteLine($"run {run}, orchestrator {o}, tick {t + 1}: {tick}");
                        KillCampaignTests.Progress($"run {run}, orchestrator {o}, tick {t + 1}: {tick}");
                    }
                }
            }

            KillCampaignTests.Progress($"concurrency {orchestrators} × {stores} run {run}/{runs}: {violations.Count} violation(s) so far");
        }

        var summary = $"concurrency {orchestrators} × {stores}: {runs} run(s), {violations.Count} violation(s), {crashes} crash(es), {lostRaces} tick(s) that lost a claim or lease race";
        output.WriteLine(summary);
        KillCampaignTests.Report(summary);
        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    private static async Task<string[]> StoresAsync(CampaignForge forge, int orchestrators, string stores, string? admin)
    {
        if (stores == "shared-sqlite")
        {
            return Enumerable.Repeat(Path.Combine(forge.Root, "state.db"), orchestrators).ToArray();
        }

        if (stores == "separate-sqlite")
        {
            return Enumerable.Range(0, orchestrators).Select(o => Path.Combine(forge.Root, $"state-{o}.db")).ToArray();
        }

        if (stores == "shared-postgres")
        {
            // The store keys its rows by repository, and every forge here is new: one database is one shared store.
            return Enumerable.Repeat(admin!, orchestrators).ToArray();
        }

        var result = new string[orchestrators];
        for (var o = 0; o < orchestrators; o++)
        {
            var name = "autoship_conc_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            result[o] = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        }

        return result;
    }

    /// <summary>Agent runs recorded in every store, grouped by issue, attempt and role: more than one is a double run.</summary>
    private static async Task<List<string>> DoubleRunsAsync(CampaignForge forge, IEnumerable<string> stores)
    {
        var repository = "local:" + Path.GetFullPath(forge.Directory);
        var all = new List<StoredRun>();
        foreach (var connection in stores)
        {
            await using var store = await StoreFactory.OpenAsync(connection, CancellationToken.None);
            all.AddRange(await store.ListRunsAsync(repository, null, null, CancellationToken.None));
        }

        var problems = all.Select(r => r.Run).GroupBy(r => (r.Issue, r.Attempt, r.Role)).Where(g => g.Count() > 1)
            .Select(g => $"#{g.Key.Issue} attempt {g.Key.Attempt}: {g.Count()} {g.Key.Role} runs").ToList();
        if (!all.Any(r => r.Run.Role == AgentRole.Author))
        {
            problems.Add("no author run recorded in any store: the count proves nothing");
        }

        return problems;
    }
}
