using System.Diagnostics;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge;
using Autoship.Forge.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoship.Engine.Demo;

/// <summary>
/// <c>autoship demo</c>: a local forge with the sample project, issues for every path of the seed, and the real
/// loop run until nothing changes — then a human approves the lane C PRs and time passes for the stale claim.
/// </summary>
public sealed class DemoRunner(string directory, Action<string> progress)
{
    public const int MaxTicks = 20;

    private readonly OffsetClock clock = new();

    public string Directory { get; } = Path.GetFullPath(directory);

    public string ForgeName => $"local:{Directory}";

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (System.IO.Directory.Exists(Directory) && System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
        {
            throw new ForgeException("not-empty", $"{Directory} is not empty: give --dir a new or empty directory");
        }

        progress($"creating a local forge with the sample project at {Directory}");
        var loaded = ConfigLoader.Load(DemoConfig(), AutoshipConfig.DefaultPath).Config!;
        var diffs = await DemoForgeSetup.CreateAsync(Directory, clock, cancellationToken);
        var numbers = await FileIssuesAsync(diffs, cancellationToken);

        await using var forge = await LocalForge.OpenAsync(Directory, "autoship[bot]", clock, cancellationToken);
        var stateDirectory = Path.Combine(Directory, "autoship");
        await using var store = await StoreFactory.OpenAsync(Path.Combine(stateDirectory, "state.db"), cancellationToken);
        var runner = new AgentRunner(new AgentRunnerOptions(stateDirectory) { Time = clock });
        var reconciler = new Reconciler(forge, store, runner, new ReconcilerOptions("demo", stateDirectory)
        {
            OnAction = r => progress($"  {(r.Outcome == ActionOutcome.Ok ? "✓" : "✗")} {r.Message}"),
        }, clock, NullLogger.Instance);

        var ticks = await RunUntilQuietAsync(reconciler, "the agents work", cancellationToken);
        ticks += await ApproveHeldAsync(reconciler, cancellationToken);
        clock.Advance(loaded.Loop.ClaimTimeout + TimeSpan.FromMinutes(1));
        ticks += await RunUntilQuietAsync(reconciler, $"{loaded.Loop.ClaimTimeout.TotalHours:0.#} hours later (simulated clock): stale claims time out", cancellationToken);

        var items = await DemoOutcomes.CollectAsync(forge, store, reconciler, numbers, cancellationToken);
        return new DemoReport(ForgeName, items, ticks, TimeSpan.FromSeconds(Math.Round(stopwatch.Elapsed.TotalSeconds, 1)));
    }

    private async Task<Dictionary<int, DemoIssue>> FileIssuesAsync(IReadOnlyDictionary<string, string> diffs, CancellationToken cancellationToken)
    {
        var numbers = new Dictionary<int, DemoIssue>();
        foreach (var issue in DemoScenario.Issues)
        {
            await using var author = await LocalForge.OpenAsync(Directory, issue.Author, clock, cancellationToken);
            var created = await author.CreateIssueAsync(issue.Title, DemoForgeSetup.IssueBody(issue, diffs[issue.Key]), issue.Labels, cancellationToken);
            numbers[created.Number] = issue;
            progress($"filed #{created.Number} {issue.Title} [{string.Join(", ", issue.Labels)}]{(issue.Author == LocalSample.Owner ? string.Empty : $" by {issue.Author}")}");
        }

        return numbers;
    }

    private async Task<int> RunUntilQuietAsync(Reconciler reconciler, string stage, CancellationToken cancellationToken)
    {
        progress($"— {stage}");
        for (var tick = 1; tick <= MaxTicks; tick++)
        {
            var report = await reconciler.TickAsync(false, cancellationToken);
            progress($"  tick {tick}: {Plural.Of(report.Actions.Count, "action")} in {Plural.Of(report.Rounds, "pass")}");
            if (report.Actions.Count > 0)
            {
                continue;
            }

            // Quiet — unless failed attempts wait out their backoff: let that time pass on the simulated clock.
            var (_, context) = await reconciler.ObserveAndPlanAsync(cancellationToken);
            var due = context.Memories.Values.Where(m => m.Phase == ItemPhase.Released && m.RetryAfter > clock.GetUtcNow()).Select(m => m.RetryAfter!.Value).DefaultIfEmpty().Min();
            if (due == default)
            {
                return tick;
            }

            var wait = due - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            clock.Advance(wait);
            progress($"  {Plural.Of((long)Math.Round(wait.TotalMinutes), "minute")} later (simulated clock): failed attempts are retried after their backoff");
        }

        return MaxTicks;
    }

    private async Task<int> ApproveHeldAsync(Reconciler reconciler, CancellationToken cancellationToken)
    {
        var (plan, _) = await reconciler.ObserveAndPlanAsync(cancellationToken);
        var held = plan.Items.Where(i => i.Phase == ItemPhase.Held && i.Lane == Lane.Human && i.PullRequest is not null).ToList();
        if (held.Count == 0)
        {
            return 0;
        }

        await using (var alice = await LocalForge.OpenAsync(Directory, LocalSample.Writer, clock, cancellationToken))
        {
            foreach (var item in held)
            {
                await alice.SubmitPersonReviewAsync(item.PullRequest!.Value, ReviewVerdict.Approve, "Read the diff and the evidence: approved.", cancellationToken);
                progress($"{LocalSample.Writer} (a maintainer) approves PR #{item.PullRequest} for #{item.Issue} — like `autoship local approve --forge {Directory} {item.PullRequest} --as {LocalSample.Writer}`");
            }
        }

        return await RunUntilQuietAsync(reconciler, "after the human approvals", cancellationToken);
    }

    /// <summary>The default configuration, with the circuit breaker loose enough for a demo that fails on purpose.</summary>
    public static string DemoConfig() => DefaultConfig.Yaml.Replace("circuitBreakerFailures: 3", "circuitBreakerFailures: 10", StringComparison.Ordinal);
}
