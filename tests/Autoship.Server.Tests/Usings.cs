global using Autoship.Server.Tests.Support;
global using Shouldly;
global using Xunit;

[assembly: AssemblyFixture(typeof(DemoForge))]

// The tests share one demo forge and its run-time switches; running them one at a time keeps them independent.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
