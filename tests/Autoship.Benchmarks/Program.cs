using Autoship.Benchmarks;
using BenchmarkDotNet.Running;

if (args.Contains("--scaling"))
{
    PlannerScaling.Run(Console.Out);
    return;
}

if (args.Contains("--plan-loop"))
{
    // For a profiler (dotnet-trace): the 10,000-item plan, over and over.
    var input = SyntheticRepository.Build(readyIssues: 8_000, openPullRequests: 2_000);
    for (var i = 0; i < 30; i++)
    {
        Autoship.Core.Planning.Planner.Plan(input);
    }

    return;
}

if (args.Contains("--stages"))
{
    PlannerStages.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args);
