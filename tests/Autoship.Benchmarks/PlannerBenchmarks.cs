using Autoship.Core.Planning;
using BenchmarkDotNet.Attributes;

namespace Autoship.Benchmarks;

/// <summary>One tick's planning (pure): the cost that grows with the work to do, not with the repository.</summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private PlanInput busy = null!;
    private PlanInput idle = null!;

    [GlobalSetup]
    public void Setup()
    {
        busy = SyntheticRepository.Build(readyIssues: 1_000, openPullRequests: 200);
        idle = SyntheticRepository.Build(readyIssues: 0, openPullRequests: 0);
    }

    [Benchmark(Description = "plan: 1,000 ready issues + 200 open PRs")]
    public Plan Busy() => Planner.Plan(busy);

    [Benchmark(Baseline = true, Description = "plan: idle (0 ready, 0 PRs)")]
    public Plan Idle() => Planner.Plan(idle);
}
