namespace Autoship.Core.Tests.Sizing;

public sealed class SizingPolicyTests
{
    private static readonly global::Autoship.Core.Config.SizingSettings Settings = TestConfigs.Default().Sizing; // xs<10 s<30 m<100 l<500

    [Theory]
    [InlineData(0, SizeClass.XS)]
    [InlineData(9, SizeClass.XS)]
    [InlineData(10, SizeClass.S)]
    [InlineData(29, SizeClass.S)]
    [InlineData(30, SizeClass.M)]
    [InlineData(99, SizeClass.M)]
    [InlineData(100, SizeClass.L)]
    [InlineData(499, SizeClass.L)]
    [InlineData(500, SizeClass.XL)]
    [InlineData(100_000, SizeClass.XL)]
    public void Measure_Lines_FirstThresholdTheCountIsBelow(int lines, SizeClass expected)
    {
        var size = SizingPolicy.Measure([new ChangedFile("src/a.cs", lines, 0)], Settings, null);

        size.Size.ShouldBe(expected);
        size.CountedLines.ShouldBe(lines);
    }

    [Fact]
    public void Measure_AddedAndDeleted_CountsBoth()
    {
        var size = SizingPolicy.Measure([new ChangedFile("a.cs", 4, 3), new ChangedFile("b.cs", 0, 5)], Settings, null);

        size.CountedLines.ShouldBe(12);
        size.Size.ShouldBe(SizeClass.S);
    }

    [Fact]
    public void Measure_GeneratedByGitAttributes_IsNotCounted()
    {
        ChangedFile[] files = [new("web/types/api.ts", 900, 800), new("web/app.ts", 5, 0)];

        var size = SizingPolicy.Measure(files, Settings, GitAttributeFiles.Root("web/types/*.ts linguist-generated\n"));

        size.CountedLines.ShouldBe(5);
        size.Size.ShouldBe(SizeClass.XS);
        size.ExcludedFiles.ShouldBe(["web/types/api.ts"]);
        size.Reasons.Single().Message.ShouldContain("web/types/api.ts");
    }

    [Fact]
    public void Measure_UnsetByALaterLine_IsCountedAgain()
    {
        var size = SizingPolicy.Measure([new ChangedFile("web/types/api.ts", 50, 0)], Settings, GitAttributeFiles.Root("*.ts linguist-generated\nweb/types/api.ts -linguist-generated"));

        size.CountedLines.ShouldBe(50);
        size.ExcludedFiles.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("yarn.lock")]
    [InlineData("web/package-lock.json")]
    [InlineData("sdk/generated/client.py")]
    public void Measure_GeneratedByConfigGlobs_IsNotCounted(string path)
    {
        var size = SizingPolicy.Measure([new ChangedFile(path, 3000, 0), new ChangedFile("docs/a.md", 2, 1)], Settings, null);

        size.CountedLines.ShouldBe(3);
        size.ExcludedFiles.ShouldBe([path]);
    }
}
