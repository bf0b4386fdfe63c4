using Autoship.Core.Config;

namespace Autoship.Core.Tests.Lanes;

/// <summary>Highest risk wins: over generated changes, adding a label or a changed file never lowers the lane.</summary>
public sealed class LanePropertyTests
{
    private const int Cases = 600;

    private static readonly AutoshipConfig Config = TestConfigs.Default();

    private static readonly string[] LabelPool =
    [
        .. Labels.Areas, .. Labels.Risks, .. Labels.Autonomy, .. Labels.Sizes,
        "lane:safe", "lane:staging", "lane:human", "lane:bogus", "area:unknown", "bug", "good first issue",
    ];

    private static readonly string[] PathPool =
    [
        "docs/guide.md", "README.md", "tests/test_api.py", "cli/main.py", "sdk/client.ts", "web/app.tsx", "web/auth/login.tsx",
        "src/api/routes.py", "src/api/migrations/1.sql", "runtime/proto.go", "infra/main.tf", "ops/alerts.yml",
        "scripts/deploy.sh", "Makefile", "src/worker/queue.py", "yarn.lock",
    ];

    private static readonly string[] LinePool =
    [
        "x = 1", "ALTER TABLE users DROP COLUMN email", "DROP TABLE users", "print('hi')", "DELETE FROM users WHERE id = 1",
    ];

    [Fact]
    public void Classify_AddingALabelOrAFile_NeverLowersTheLane()
    {
        var rng = new Random(4242);
        for (var i = 0; i < Cases; i++)
        {
            var labels = Enumerable.Range(0, rng.Next(4)).Select(_ => Pick(rng, LabelPool)).ToList();
            var files = Enumerable.Range(0, rng.Next(4)).Select(_ => File(rng)).ToList();
            var before = Classifier.Classify(labels, files, Config, null).Lane;

            var moreLabels = Classifier.Classify([.. labels, Pick(rng, LabelPool)], files, Config, null).Lane;
            var moreFiles = Classifier.Classify(labels, [.. files, File(rng)], Config, null).Lane;

            ((int)moreLabels).ShouldBeGreaterThanOrEqualTo((int)before, $"case {i}");
            ((int)moreFiles).ShouldBeGreaterThanOrEqualTo((int)before, $"case {i}");
            ((int)LaneClassifier.Classify([.. labels, Pick(rng, LabelPool)], files, Config).Lane)
                .ShouldBeGreaterThanOrEqualTo((int)LaneClassifier.Classify(labels, files, Config).Lane, $"case {i}");
        }
    }

    [Fact]
    public void Classify_LabelOrderAndDuplicates_DoNotChangeTheLane()
    {
        var rng = new Random(17);
        for (var i = 0; i < Cases; i++)
        {
            var labels = Enumerable.Range(0, rng.Next(5)).Select(_ => Pick(rng, LabelPool)).ToList();
            var files = Enumerable.Range(0, rng.Next(4)).Select(_ => File(rng)).ToList();
            var shuffled = labels.Concat(labels).OrderBy(_ => rng.Next()).ToList();

            Classifier.Classify(shuffled, files, Config, null).Lane.ShouldBe(Classifier.Classify(labels, files, Config, null).Lane, $"case {i}");
        }
    }

    private static ChangedFile File(Random rng) =>
        new(Pick(rng, PathPool), rng.Next(60), rng.Next(20)) { AddedLines = [Pick(rng, LinePool)] };

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
