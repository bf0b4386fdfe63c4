using Autoship.Engine.Simulation;

namespace Autoship.Engine.Tests.Simulation;

public sealed class QueueSimulatorTests
{
    private static readonly SimulationSettings HighLoad = new(Hours: 72, ArrivalsPerHour: 12, CiMinutes: 15, FlakeRate: 0.02, BreakRate: 0.05, BatchSize: 1, Seed: 7);

    [Fact]
    public void Run_SameSeed_SameResult_AndEveryRunSeesTheSameArrivals()
    {
        var a = QueueSimulator.Run(HighLoad);
        var b = QueueSimulator.Run(HighLoad);
        var batched = QueueSimulator.Run(HighLoad with { BatchSize = 4 });

        b.Merged.ShouldBe(a.Merged);
        b.Hourly.ShouldBe(a.Hourly);
        batched.Arrived.ShouldBe(a.Arrived);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_SerialAtHighLoad_IsWithinTenPercentOfTheCiBoundLimit(int seed)
    {
        var serial = QueueSimulator.Run(HighLoad with { Seed = seed });

        (serial.MergesPerHour / HighLoad.CiBoundMergesPerHour).ShouldBeInRange(0.9, 1.0);
        serial.Validations.ShouldBeLessThanOrEqualTo((int)(HighLoad.Hours * 60 / HighLoad.CiMinutes));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_BatchesAtHighLoad_MergeMoreThanSerial_AndMainNeverRed(int seed)
    {
        var serial = QueueSimulator.Run(HighLoad with { Seed = seed });
        var batched = QueueSimulator.Run(HighLoad with { Seed = seed, BatchSize = 4 });

        batched.Merged.ShouldBeGreaterThan(serial.Merged * 3 / 2);
        batched.MeanQueueWaitMinutes.ShouldBeLessThan(serial.MeanQueueWaitMinutes);
        batched.Ejected.ShouldBeGreaterThan(0, "the generated changes that break together are found");
        serial.MainRedMinutes.ShouldBe(0);
        batched.MainRedMinutes.ShouldBe(0);
    }

    [Fact]
    public void Svg_TwoRuns_DrawsTwoLinesPerPanelAndALegend()
    {
        var serial = QueueSimulator.Run(HighLoad with { Hours = 6 });
        var batched = QueueSimulator.Run(HighLoad with { Hours = 6, BatchSize = 4 });

        var svg = SimulationPlot.Svg([("serial", serial), ("batch <4>", batched)]);

        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        System.Text.RegularExpressions.Regex.Count(svg, "<polyline").ShouldBe(4);
        svg.ShouldContain("batch &lt;4&gt;");
        System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
    }
}
