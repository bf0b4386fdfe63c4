using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Autoship.Benchmarks.PlannerBenchmarks).Assembly).Run(args);
