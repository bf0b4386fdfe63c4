namespace Autoship.Core.Tests.Adversarial;

/// <summary>Class 6: test counts read from generated pytest, dotnet and entrypoint output; fewer tests on the head is always refused.</summary>
public sealed class TestCountTests
{
    [Fact]
    public void Compare_GeneratedValidationOutputs_FewerTestsAlwaysRefusedOthersCounted()
    {
        var random = new Random(1720);
        for (var i = 0; i < AdversarialCases.PerClass; i++)
        {
            var baseCount = random.Next(0, 5000);
            var headCount = random.Next(2) == 0 ? random.Next(0, baseCount + 1) : baseCount + random.Next(0, 50);
            var style = random.Next(3);

            var parsedBase = TestCounts.Parse(Output(random, style, baseCount));
            var parsedHead = TestCounts.Parse(Output(random, style, headCount));
            var reason = TestCounts.Compare(parsedBase, parsedHead);

            parsedBase.ShouldBe(baseCount, $"case {i}: style {style}");
            parsedHead.ShouldBe(headCount, $"case {i}: style {style}");
            reason.Code.ShouldBe(headCount < baseCount ? "tests-fewer" : "tests-counted", $"case {i}: {baseCount} → {headCount}");
        }
    }

    [Fact]
    public void Compare_HeadOutputNamesNoCount_RefusedWhenTheBaseCounted()
    {
        TestCounts.Compare(12, null).Code.ShouldBe("tests-fewer");
        TestCounts.Compare(null, null).Code.ShouldBe("tests-uncounted");
        TestCounts.Parse("all good").ShouldBeNull();
    }

    /// <summary>Noise around the count line in the toolchain's own words; dotnet splits the count over 1–3 projects.</summary>
    private static string Output(Random random, int style, int count)
    {
        var noise = string.Join("\n", Enumerable.Range(0, random.Next(0, 5)).Select(n => $"log line {random.Next()} ok"));
        switch (style)
        {
            case 0:
                return $"{noise}\n============ {count} passed, {random.Next(0, 9)} skipped in {random.Next(1, 99)}.2s ============\n";
            case 1:
                var parts = random.Next(1, 4);
                var split = Enumerable.Range(0, parts).Select(p => p < parts - 1 ? random.Next(0, count / parts + 1) : 0).ToArray();
                split[^1] = count - split.Sum();
                return noise + "\n" + string.Join("\n", split.Select((n, p) => $"Passed!  - Failed:     0, Passed: {n,5}, Skipped:     0, Total: {n,5}, Duration: 1 s - P{p}.Tests.dll (net10.0)"));
            default:
                return $"{noise}\n{count} passed in a sub-step\ntests: {count} passed, 0 failed\n";
        }
    }
}
