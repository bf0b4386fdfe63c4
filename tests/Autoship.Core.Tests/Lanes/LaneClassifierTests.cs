using Autoship.Core.Config;

namespace Autoship.Core.Tests.Lanes;

public sealed class LaneClassifierTests
{
    private static readonly AutoshipConfig Config = TestConfigs.Default();

    [Theory]
    [InlineData("risk:low", Lane.Safe, null)]
    [InlineData("risk:medium", Lane.Staging, "label-rule")]
    [InlineData("risk:high", Lane.Human, "label-rule")]
    [InlineData("area:docs", Lane.Safe, null)]
    [InlineData("area:api", Lane.Staging, "area-label")]
    [InlineData("area:auth", Lane.Human, "area-label")]
    [InlineData("area:nowhere", Lane.Staging, "unknown-area-label")]
    [InlineData("lane:safe", Lane.Safe, null)]
    [InlineData("lane:staging", Lane.Staging, "lane-label")]
    [InlineData("lane:human", Lane.Human, "lane-label")]
    [InlineData("lane:C", Lane.Human, "lane-label")]
    [InlineData(Labels.Safe, Lane.Safe, null)]
    [InlineData(Labels.Ready, Lane.Safe, null)]
    [InlineData("size:xs", Lane.Safe, null)]
    [InlineData("size:l", Lane.Safe, null)]
    public void Classify_OneLabelOnADocsChange_RaisesByItsFamily(string label, Lane expected, string? code)
    {
        var decision = LaneClassifier.Classify([label], Changes.Files("docs/a.md"), Config);

        decision.Lane.ShouldBe(expected);
        if (code is null)
        {
            decision.Reasons.Single().Code.ShouldBe("lane-safe");
        }
        else
        {
            decision.Reasons.ShouldContain(r => r.Code == code && r.Message.Contains(label));
        }
    }

    [Theory]
    [InlineData("infra/main.tf")]
    [InlineData("runtime/protocol.go")]
    [InlineData("src/api/auth/token.py")]
    [InlineData("src/api/migrations/1.sql")]
    public void Classify_SafeLabelsOnRiskyPaths_NeverLower(string path)
    {
        LaneClassifier.Classify([Labels.Safe, "lane:safe", "size:xs", "risk:low", "area:docs"], Changes.Files(path), Config).Lane.ShouldBe(Lane.Human);
    }

    [Theory]
    [InlineData("Makefile")]
    [InlineData("src/worker/queue.py")]
    [InlineData(".github/CODEOWNERS")]
    public void Classify_PathInNoAreaAndNoRule_IsAtLeastStaging(string path)
    {
        var decision = LaneClassifier.Classify([], Changes.Files(path), Config);

        decision.Lane.ShouldBe(Lane.Staging);
        decision.Reasons.Single().Code.ShouldBe("unknown-path");
        decision.Reasons.Single().Message.ShouldContain("unknown paths are not known-safe");
        decision.Reasons.Single().Message.ShouldContain(path);
    }

    [Fact]
    public void Classify_PathRuleWithoutArea_DecidesWithoutTheUnknownPathReason()
    {
        var decision = LaneClassifier.Classify([], Changes.Files("scripts/deploy.sh"), Config);

        decision.Lane.ShouldBe(Lane.Human);
        decision.Reasons.Select(r => r.Code).ShouldBe(["path-rule"]);
    }

    [Fact]
    public void Classify_MixedChange_TakesTheRiskiestAndNamesEveryRaise()
    {
        var decision = LaneClassifier.Classify(["risk:medium"], Changes.Files("docs/a.md", "src/api/users.py", "infra/vpc.tf"), Config);

        decision.Lane.ShouldBe(Lane.Human);
        decision.Reasons[0].Message.ShouldContain("infra/vpc.tf");
        decision.Reasons.Select(r => r.Code).ShouldBe(["area-path", "label-rule", "area-path"], ignoreOrder: true);
    }

    [Fact]
    public void Classify_ManyFilesOfOneArea_AreOneReasonNamingAFew()
    {
        var decision = LaneClassifier.Classify([], Changes.Files("infra/a.tf", "infra/b.tf", "infra/c.tf", "infra/d.tf", "infra/e.tf"), Config);

        var reason = decision.Reasons.Single();
        reason.Message.ShouldContain("infra/a.tf, infra/b.tf, infra/c.tf and 2 more");
    }

    [Fact]
    public void Classify_RenameOutOfARiskyArea_CountsTheOldPath()
    {
        var moved = new ChangedFile("docs/old-runtime.go", 0, 0, ChangeKind.Renamed, OldPath: "runtime/proto.go");

        LaneClassifier.Classify([], [moved], Config).Lane.ShouldBe(Lane.Human);
    }

    [Fact]
    public void Classify_ContentRuleRestrictedToPaths_OnlyAppliesThere()
    {
        var config = Config with
        {
            ContentRules = [new ContentRule("grpc", "service\\s+\\w+", ContentAction.Raise, Lane.Human, "new RPC service", ["**/*.proto"])],
        };

        LaneClassifier.Classify([], [Changes.WithLines("docs/a.md", "service Foo {")], config).Lane.ShouldBe(Lane.Safe);
        LaneClassifier.Classify([], [Changes.WithLines("sdk/a.proto", "service Foo {")], config).Lane.ShouldBe(Lane.Human);
    }

    [Fact]
    public void Classify_InvalidContentPattern_FailsClosed()
    {
        var config = Config with { ContentRules = [new ContentRule("broken", "([", ContentAction.Raise, Lane.Human, "broken rule", [])] };

        LaneClassifier.Classify([], [Changes.WithLines("docs/a.md", "hello")], config).Lane.ShouldBe(Lane.Human);
    }
}
