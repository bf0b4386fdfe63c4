using Autoship.Benchmarks;
using BenchmarkDotNet.Running;

if (args.Contains("--scaling"))
{
    PlannerScaling.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args);
