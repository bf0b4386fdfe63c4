using Autoship.Core.Config;

namespace Autoship.Core.Tests.Lanes;

/// <summary>The memoized lane of labels alone is exactly what classifying them with no files gives, whatever the labels hold.</summary>
public sealed class LabelLanesTests
{
    private const int Cases = 500;

    private static readonly string[] LabelPool =
    [
        .. Labels.Areas, .. Labels.Risks, .. Labels.Autonomy, .. Labels.Sizes,
        "lane:safe", "lane:staging", "lane:human", "lane:bogus", "area:unknown", "bug", "AREA:INFRA", "1:area:infra",
    ];

    [Fact]
    public void LaneOf_GeneratedLabelSets_EqualsClassifyWithNoFiles()
    {
        var config = TestConfigs.Default();
        var rng = new Random(1616);
        var lanes = new HashSet<Lane>();
        for (var i = 0; i < Cases; i++)
        {
            var labels = Enumerable.Range(0, rng.Next(5)).Select(_ => LabelPool[rng.Next(LabelPool.Length)]).ToList();
            var expected = LaneClassifier.Classify(labels, [], config).Lane;
            LaneClassifier.LaneOf(labels, config).ShouldBe(expected, $"case {i}: {string.Join(", ", labels)}");
            LaneClassifier.LaneOf(labels, config).ShouldBe(expected, $"case {i} again (memoized)");
            lanes.Add(expected);
        }

        lanes.Count.ShouldBe(3, "the generated sets reach every lane");
    }

    [Fact]
    public void LaneOf_LabelsThatJoinAlike_AreNotConfused()
    {
        var config = TestConfigs.Default();

        // "1:area:infra" alone must not share a memo entry with a list whose joined text looks the same.
        LaneClassifier.LaneOf(["area:infra"], config).ShouldBe(Lane.Human);
        LaneClassifier.LaneOf(["10:area:infra"], config).ShouldBe(LaneClassifier.Classify(["10:area:infra"], [], config).Lane);
        LaneClassifier.LaneOf(["area:docs", "area:infra"], config).ShouldBe(Lane.Human);
        LaneClassifier.LaneOf(["area:docs"], config).ShouldBe(Lane.Safe);
    }

    [Fact]
    public void LaneOf_AnotherConfiguration_IsAnsweredFromIt()
    {
        var config = TestConfigs.Default();
        var docsInHuman = config with
        {
            Areas = [.. config.Areas.Select(a => a.Name == "docs" ? a with { Lane = Lane.Human } : a)],
        };

        LaneClassifier.LaneOf(["area:docs"], config).ShouldBe(Lane.Safe);
        LaneClassifier.LaneOf(["area:docs"], docsInHuman).ShouldBe(Lane.Human);
    }
}
