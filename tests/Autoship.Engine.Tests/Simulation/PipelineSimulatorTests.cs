using Autoship.Engine.Simulation.Pipeline;

namespace Autoship.Engine.Tests.Simulation;

/// <summary>The pipeline simulator runs the real planner, gate and merge queue; these check what it measures, seeded.</summary>
public sealed class PipelineSimulatorTests
{
    /// <summary>High load: more issues arrive than the default loop can take (the backlog stays full).</summary>
    private static readonly PipelineSettings HighLoad = new() { Hours = 48, WarmupHours = 8, ArrivalsPerHour = 6, Seed = 3 };

    [Fact]
    public void Run_HighLoad_EveryArrivalIsAccountedFor_AndNothingMergesTwice()
    {
        var run = PipelineSimulator.Run(HighLoad);
        var again = PipelineSimulator.Run(HighLoad);

        run.Arrived.ShouldBe(run.Merged + run.Blocked + run.Waiting + run.InFlight);
        run.Lanes.Sum(l => l.Arrived).ShouldBe(run.Arrived);
        run.Lanes.Sum(l => l.Merged).ShouldBe(run.Merged);
        run.Hourly.Sum(h => h.Merges).ShouldBe(run.Merged);
        run.MergedTwice.ShouldBe(0);
        run.Merged.ShouldBeGreaterThan(40);
        run.Deferred.ShouldBeGreaterThan(0, "high load fills the backlog");
        again.Hourly.ShouldBe(run.Hourly, "the same seed gives the same run");
    }

    [Fact]
    public void Run_ChangesThatBreakTogether_AreEjectedAndMainIsNeverRed()
    {
        var run = PipelineSimulator.Run(HighLoad with { BreakRate = 0.3, Seed = 5 });

        run.Ejected.ShouldBeGreaterThan(3, "the queue finds the pairs that pass alone and break together");
        run.MainRedMinutes.ShouldBe(0);
        run.Merged.ShouldBeGreaterThan(30, "the innocent pull requests still merge");
    }

    [Fact]
    public void Run_LaneC_MergesOnlyAfterItsSimulatedHumanApproves()
    {
        var run = PipelineSimulator.Run(HighLoad with { SafeShare = 0.3, StagingShare = 0.2, HumanLatencyMinutes = 90, Seed = 7 });

        // The dispatch order serves lane A first, so few lane C items get through at high load; every one must wait for its person.
        run.Lanes.Single(l => l.Lane == "human").Merged.ShouldBeGreaterThan(0);
        run.HumanReviews.ShouldBeGreaterThanOrEqualTo(run.Lanes.Single(l => l.Lane == "human").Merged);
        run.HumanLaneMergedUnapproved.ShouldBe(0);
    }

    [Fact]
    public void Run_MoreCiRunners_RaiseThroughputUntilTheAgentsBind()
    {
        var many = HighLoad with { MaxConcurrent = 8, AgentSlots = 2, ArrivalsPerHour = 12 };
        var oneRunner = PipelineSimulator.Run(many with { CiSlots = 1 });
        var fourRunners = PipelineSimulator.Run(many with { CiSlots = 4 });
        var eightRunners = PipelineSimulator.Run(many with { CiSlots = 8 });

        oneRunner.Limits.Binding.Name.ShouldBe("ci-runners");
        fourRunners.Limits.Binding.Name.ShouldBe("agents");
        fourRunners.MergesPerHour.ShouldBeGreaterThan(oneRunner.MergesPerHour * 1.5);
        (eightRunners.MergesPerHour / fourRunners.MergesPerHour).ShouldBeInRange(0.85, 1.15, "past the agents' bound, runners add nothing");
        oneRunner.OfLimit.ShouldBeInRange(0.85, 1.1);
    }

    [Fact]
    public void Run_MoreAgents_RaiseThroughputUntilTheCiRunnersBind()
    {
        var twoAgents = PipelineSimulator.Run(HighLoad with { CiSlots = 1 });
        var fourAgents = PipelineSimulator.Run(HighLoad with { CiSlots = 1, MaxConcurrent = 4 });

        twoAgents.Limits.Binding.Name.ShouldBe("agents");
        fourAgents.Limits.Binding.Name.ShouldBe("ci-runners");
        fourAgents.MergesPerHour.ShouldBeGreaterThan(twoAgents.MergesPerHour * 1.2);
        fourAgents.MergesPerHour.ShouldBeLessThanOrEqualTo(fourAgents.Limits.CiRunners.MergesPerHour * 1.1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_DefaultSettingsAtHighLoad_AreWithinTenPercentOfTheBindingLimit(int seed)
    {
        var run = PipelineSimulator.Run(HighLoad with { Seed = seed });

        run.Limits.Binding.Name.ShouldBe("agents", "with loop.maxConcurrent 2 the agents bind, not CI");
        run.OfLimit.ShouldBeInRange(0.9, 1.1);
    }
}
