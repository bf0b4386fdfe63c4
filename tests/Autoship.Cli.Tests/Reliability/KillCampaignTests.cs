using System.Diagnostics;
using System.Globalization;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// The reliability campaign (bounded form; <c>scripts/reliability.sh</c> runs the long form): real <c>autoship tick</c>
/// processes killed with SIGKILL right after each kind of forge write (<c>AUTOSHIP_CRASH_AFTER</c>) and at random
/// moments, then repair ticks; the invariants are read on the forge itself and the merged tree must equal an
/// uninterrupted run's. Recovery (ticks, seconds) is printed, never asserted against the clock.
/// </summary>
public sealed class KillCampaignTests(ITestOutputHelper output)
{
    /// <summary>Every kind of write one docs item's life makes, in order (comment:2 is the "pr-open" comment).</summary>
    private static readonly string[] Kinds =
        ["claim", "comment", "label-add", "push", "pr-create", "comment:2", "review", "label-add:2", "status", "comment:3", "claims-release", "label-remove", "merge"];

    private const int MaxRepairTicks = 5;

    [Fact]
    public async Task Tick_KilledAfterEachWriteKindAndAtRandom_RepairTicksConvergeToTheUninterruptedRun()
    {
        using var clean = await CampaignForge.CreateAsync(issues: 1);
        var first = await clean.TickAsync();
        first.ExitCode.ShouldBe(0, first.ToString());
        (await clean.InvariantsAsync()).ShouldBeEmpty("the uninterrupted run itself must satisfy the invariants");
        var expectedTree = await clean.MainTreeAsync();

        var randomTrials = int.Parse(Environment.GetEnvironmentVariable("AUTOSHIP_RELIABILITY_RANDOM") ?? "4", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("AUTOSHIP_RELIABILITY_SEED") ?? "11", CultureInfo.InvariantCulture);
        var random = new Random(seed);
        var trials = Kinds.Select(k => (Name: "after " + k, Kind: (string?)k, DelayMs: 0))
            .Concat(Enumerable.Range(0, randomTrials).Select(_ => random.Next(150, 2500)).Select(d => (Name: $"at {d} ms", Kind: (string?)null, DelayMs: d)))
            .ToList();

        var violations = new List<string>();
        var recoveries = new List<(int Ticks, double Seconds)>();
        var killed = 0;
        foreach (var trial in trials)
        {
            using var forge = await CampaignForge.CreateAsync(issues: 1);
            bool died;
            if (trial.Kind is { } kind)
            {
                var run = await forge.TickAsync(new Dictionary<string, string> { ["AUTOSHIP_CRASH_AFTER"] = kind });
                died = run.ExitCode == 137;
                died.ShouldBeTrue($"{trial.Name}: the hook must kill the tick (exit 137), got {run}");
            }
            else
            {
                using var process = forge.StartTick();
                var exited = process.WaitForExitAsync();
                died = await Task.WhenAny(exited, Task.Delay(trial.DelayMs)) != exited;
                if (died)
                {
                    process.Kill(entireProcessTree: true);
                }

                await CampaignForge.WaitAsync(process);
            }

            killed += died ? 1 : 0;
            var watch = Stopwatch.StartNew();
            var ticks = 0;
            IReadOnlyList<string> left = await forge.InvariantsAsync();
            while (left.Count > 0 && ticks < MaxRepairTicks)
            {
                ticks++;
                var repair = await forge.TickAsync();
                if (repair.ExitCode != 0)
                {
                    violations.Add($"{trial.Name}: repair tick {ticks} exited {repair.ExitCode}: {repair.Stderr.Trim()}");
                }

                left = await forge.InvariantsAsync();
            }

            recoveries.Add((ticks, watch.Elapsed.TotalSeconds));
            violations.AddRange(left.Select(v => $"{trial.Name}: {v}"));
            if (left.Count == 0 && await forge.MainTreeAsync() != expectedTree)
            {
                violations.Add($"{trial.Name}: main differs from the uninterrupted run");
            }

            output.WriteLine($"{trial.Name}: killed={died} recovered in {ticks} tick(s), {watch.Elapsed.TotalSeconds:F1} s, {left.Count} violation(s)");
            Progress($"kill {trial.Name}: killed={died} recovered in {ticks} tick(s), {watch.Elapsed.TotalSeconds:F1} s, {left.Count} violation(s)");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"kill campaign: {trials.Count} trials ({killed} killed mid-tick), {violations.Count} violations; recovery: max {recoveries.Max(r => r.Ticks)} tick(s), median {Median(recoveries.Select(r => r.Seconds)):F1} s, max {recoveries.Max(r => r.Seconds):F1} s (seed {seed})");
        output.WriteLine(summary);
        Report(summary);
        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>Appends a figure line to <c>AUTOSHIP_RELIABILITY_REPORT</c> when the script sets it.</summary>
    internal static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("AUTOSHIP_RELIABILITY_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + "\n");
        }
    }

    /// <summary>Appends a progress line (one per trial or run) beside the report, so a person can follow the long form.</summary>
    internal static void Progress(string line)
    {
        if (Environment.GetEnvironmentVariable("AUTOSHIP_RELIABILITY_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file + ".progress", string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} {line}\n"));
        }
    }
}
