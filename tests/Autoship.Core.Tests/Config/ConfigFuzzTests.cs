using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class ConfigFuzzTests
{
    private const int Seed = 20261201;
    private const int Cases = 240;

    public static TheoryData<int> Indexes() => new(Enumerable.Range(0, Cases));

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task Load_HostileFile_IsRejectedWithALocationOrValid(int index)
    {
        var bytes = HostileYaml.Case(Seed, index);
        var lines = bytes.Count(b => b == (byte)'\n') + 1;

        // The loader bounds its own work; the guard only turns a hang into a failure instead of a stuck run.
        var load = Task.Run(() => ConfigLoader.Load(bytes, "fuzz.yml"), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken));
        finished.ShouldBe(load, $"case {index} (seed {Seed}) did not finish");
        var result = await load;

        if (result.IsValid)
        {
            result.Config.ShouldNotBeNull();
            result.Errors.ShouldBeEmpty();
            return;
        }

        result.Config.ShouldBeNull();
        result.Errors.ShouldNotBeEmpty();
        foreach (var error in result.Errors)
        {
            error.File.ShouldBe("fuzz.yml");
            error.Line.ShouldBeInRange(1, lines + 1, $"case {index}: {error}");
            error.Column.ShouldBeGreaterThanOrEqualTo(1);
            error.Message.ShouldNotBeNullOrWhiteSpace();
            error.Message.ShouldNotContain("   at ", Case.Sensitive, $"case {index} leaks a stack trace: {error}");
        }
    }

    [Fact]
    public void Corpus_CoversEveryKindAndRejectsMostOfIt()
    {
        var results = Enumerable.Range(0, Cases).Select(i => ConfigLoader.Load(HostileYaml.Case(Seed, i), "fuzz.yml")).ToList();
        var messages = results.SelectMany(r => r.Errors).Select(e => e.Message).ToList();
        messages.ShouldContain(m => m.Contains("alias bomb", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("nesting is deeper", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("not valid UTF-8", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("YAML syntax error", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("empty glob", StringComparison.Ordinal));
        results.Count(r => !r.IsValid).ShouldBeGreaterThan(Cases / 2);
    }
}
