using System.Diagnostics;
using Autoship.Core.Planning;

namespace Autoship.Benchmarks;

/// <summary>
/// <c>--scaling</c>: the planner over 100, 1,000 and 10,000 items (four ready issues to one open PR), the median of a
/// runs after a warm-up of a second, the process CPU time per plan (every thread, the GC's included: on a loaded machine it
/// moves far less than the wall clock) and the bytes allocated per plan. A console table, not a timed test: compare
/// ratios between rows of the same run, never absolute times across machines.
/// </summary>
internal static class PlannerScaling
{
    public static void Run(TextWriter output)
    {
        int[] sizes = [100, 1_000, 10_000];
        output.WriteLine("| items (ready issues + open PRs) | median ms | median CPU ms | CPU ms / 1,000 items | allocated KB / item | GCs per plan (gen 0/1/2) | GC pause ms per plan |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var items in sizes)
        {
            var input = SyntheticRepository.Build(readyIssues: items * 4 / 5, openPullRequests: items / 5);
            // Warm up until the JIT has tiered the planner up (its steady state, as in `autoship serve`): a second of
            // plans, at least three.
            var warm = Stopwatch.StartNew();
            for (var w = 0; w < 3 || warm.Elapsed < TimeSpan.FromSeconds(1); w++)
            {
                Planner.Plan(input);
            }

            var runs = items >= 10_000 ? 15 : 31;
            var times = new double[runs];
            var cpu = new double[runs];
            long allocated = 0;
            var gen0 = GC.CollectionCount(0);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            var paused = GC.GetTotalPauseDuration();
            using var process = Process.GetCurrentProcess();
            for (var r = 0; r < runs; r++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                Planner.Plan(input);
                times[r] = watch.Elapsed.TotalMilliseconds;
                process.Refresh();
                cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            var gcs = $"{(GC.CollectionCount(0) - gen0) / (double)runs:F1}/{(GC.CollectionCount(1) - gen1) / (double)runs:F1}/{(GC.CollectionCount(2) - gen2) / (double)runs:F1}";
            var pause = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / runs;
            Array.Sort(times);
            Array.Sort(cpu);
            var median = times[runs / 2];
            var cpuMedian = cpu[runs / 2];
            output.WriteLine($"| {items:N0} | {median:F1} | {cpuMedian:F1} | {cpuMedian * 1_000 / items:F1} | {allocated / 1024.0 / items:F1} | {gcs} | {pause:F1} |");
        }
    }
}
