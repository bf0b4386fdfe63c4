using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

public sealed class DispatchOrderTests
{
    private static readonly QueueSettings Queue = ConfigDefaults.Queue;

    /// <summary>Entries as "number:priority:lane:waited-hours", e.g. "7:1:A:3" (p1, lane A, waiting 3 h); the default starvation age is 48 h.</summary>
    [Theory]
    [InlineData("1:3:A:10 2:0:A:1", "2 1")]                 // priority before age
    [InlineData("1:1:C:5 2:1:B:4 3:1:A:1", "3 2 1")]        // within a priority, the cheapest lane first
    [InlineData("1:1:A:1 2:1:A:5", "2 1")]                  // same priority and lane: longest waiting first
    [InlineData("5:2:A:2 3:2:A:2", "3 5")]                  // a full tie: lowest number first
    [InlineData("1:4:C:49 2:0:A:1", "1 2")]                 // starved (> 48 h) goes ahead of p0
    [InlineData("1:0:A:47 2:4:C:49", "2 1")]                // 47 h is not starved yet
    [InlineData("1:4:C:50 2:3:B:49 3:0:A:0", "1 2 3")]      // starved entries among themselves: oldest first, whatever their priority
    [InlineData("1:0:C:1 2:1:A:1", "1 2")]                  // priority before lane
    public void Sort_Entries_PriorityThenLaneThenAgeWithStarvationBound(string entries, string expected)
    {
        var sorted = DispatchOrder.Sort(Parse(entries), Queue, Now);

        sorted.Select(p => p.Entry.Number).ShouldBe(expected.Split(' ').Select(int.Parse));
        sorted.Select(p => p.Position).ShouldBe(Enumerable.Range(1, sorted.Count));
    }

    [Fact]
    public void Sort_ConfiguredLaneOrder_HumanLaneFirst()
    {
        var queue = Queue with { LaneOrder = [Lane.Human, Lane.Safe] };

        var sorted = DispatchOrder.Sort(Parse("1:1:A:5 2:1:B:5 3:1:C:1"), queue, Now);

        // Staging is left out of the order, so it comes after the listed lanes.
        sorted.Select(p => p.Entry.Number).ShouldBe([3, 1, 2]);
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(112, "112th")]
    public void Ordinal_Numbers_EnglishSuffixes(int n, string expected) => DispatchOrder.Ordinal(n).ShouldBe(expected);

    [Theory]
    [InlineData(-5, "0 min")]          // a clock behind the item's timestamp
    [InlineData(0, "0 min")]
    [InlineData(59, "59 min")]
    [InlineData(60, "1 h")]
    [InlineData(119, "1 h 59 min")]    // not "1 h": two units once past an hour
    [InlineData(600, "10 h")]
    [InlineData(47 * 60 + 30, "47 h 30 min")]
    [InlineData(48 * 60, "2 d")]
    [InlineData(3 * 24 * 60 + 5 * 60 + 59, "3 d 5 h")]
    public void Waited_Minutes_TwoLargestUnitsRoundedDown(int minutes, string expected) =>
        DispatchOrder.Waited(TimeSpan.FromMinutes(minutes)).ShouldBe(expected);

    [Fact]
    public void Explain_ThirdOfFive_SaysPlacePriorityLaneAndWait()
    {
        var place = new QueuePlace(new QueueEntry(9, 1, "p1", Lane.Safe, Now.AddHours(-2)), 3, false);

        DispatchOrder.Explain(place, 5, Now).ShouldBe(new Reason("queue-position", "3rd of 5 in the queue: p1, lane A, waiting 2 h"));
    }

    [Fact]
    public void Explain_Promoted_SaysWhy()
    {
        var place = new QueuePlace(new QueueEntry(9, 4, "p4", Lane.Human, Now.AddDays(-3)), 1, true);

        DispatchOrder.Explain(place, 2, Now).Message.ShouldBe("1st of 2 in the queue: p4 promoted ahead of every priority after waiting 3 d (queue.starvationAge)");
    }

    private static List<QueueEntry> Parse(string entries) =>
        entries.Split(' ').Select(e => e.Split(':')).Select(p =>
        {
            LaneNames.TryParse(p[2], out var lane).ShouldBeTrue();
            return new QueueEntry(int.Parse(p[0]), int.Parse(p[1]), "p" + p[1], lane, Now.AddHours(-double.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture)));
        }).ToList();
}
