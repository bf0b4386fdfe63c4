namespace Autoship.Core.Tests.Lanes;

public sealed class ClassifierTests
{
    private static readonly global::Autoship.Core.Config.AutoshipConfig Config = TestConfigs.Default();

    [Theory]
    [InlineData(9, Lane.Safe, SizeClass.XS)]
    [InlineData(29, Lane.Safe, SizeClass.S)]
    [InlineData(30, Lane.Staging, SizeClass.M)]
    [InlineData(150, Lane.Staging, SizeClass.L)]
    public void Classify_DocsChangeBySize_TooLargeForLaneAIsStaging(int lines, Lane lane, SizeClass size)
    {
        var result = Classifier.Classify(["area:docs"], [new ChangedFile("docs/a.md", lines, 0)], Config, null);

        result.Lane.ShouldBe(lane);
        result.Size.ShouldBe(size);
        result.Reasons.Any(r => r.Code == "too-large-for-safe").ShouldBe(lane == Lane.Staging);
    }

    [Fact]
    public void Classify_SizeRule_NeverLowersAHumanChange()
    {
        var result = Classifier.Classify([], [new ChangedFile("infra/a.tf", 50, 0)], Config, null);

        result.Lane.ShouldBe(Lane.Human);
        result.LaneDecision.Reasons.ShouldContain(r => r.Code == "too-large-for-safe");
    }

    [Fact]
    public void Classify_GeneratedLines_ShapeTheSizeLabelOnlyAndCountInGuardrails()
    {
        ChangedFile[] files = [new("sdk/generated/client.ts", 4000, 3000), new("sdk/client.ts", 5, 1)];

        var result = Classifier.Classify(["area:cli-sdk"], files, Config, null);

        result.Size.ShouldBe(SizeClass.XS);
        result.Lane.ShouldBe(Lane.Staging);
        result.Allowed.ShouldBeFalse();
        result.Guardrails.Violations.ShouldContain(v => v.Code == "too-many-lines");
    }

    [Fact]
    public void Classify_GuardrailViolation_IsNotAllowedAndListsEveryReason()
    {
        var result = Classifier.Classify(["area:docs"], [new ChangedFile(".github/workflows/ci.yml", 1, 0), new ChangedFile("docs/a.md", 1, 0)], Config, null);

        result.Allowed.ShouldBeFalse();
        result.Reasons.Select(r => r.Code).ShouldContain("never-path");
        result.Reasons.Select(r => r.Code).ShouldContain("size");
        result.Reasons.Select(r => r.Code).ShouldContain("unknown-path");
    }

    [Fact]
    public void Classify_GuardrailsAreThoseOfTheFinalLane()
    {
        // 300 lines: over lane A's 200 but under lane B's 400; the size rule already put it in lane B.
        var result = Classifier.Classify(["area:docs"], [new ChangedFile("docs/a.md", 300, 0)], Config, null);

        result.Lane.ShouldBe(Lane.Staging);
        result.Allowed.ShouldBeTrue();
    }
}
