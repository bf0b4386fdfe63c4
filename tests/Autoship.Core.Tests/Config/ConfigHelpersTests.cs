using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class ConfigHelpersTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("01:30:00", 5400)]
    [InlineData(" 10m ", 600)]
    public void TryParse_ValidDuration_ReturnsSeconds(string text, int seconds)
    {
        Durations.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("-5m")]
    [InlineData("2 hours")]
    [InlineData("1w")]
    [InlineData("01:60:00")]
    [InlineData("1.5h")]
    public void TryParse_InvalidDuration_ReturnsFalse(string text) => Durations.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(1800, "30m")]
    [InlineData(7200, "2h")]
    [InlineData(172800, "2d")]
    public void Format_Duration_IsShortestExactText(int seconds, string text) => Durations.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(text);

    [Theory]
    [InlineData("docs/**", null)]
    [InlineData("**/*.md", null)]
    [InlineData("src/[ab]*/x.cs", null)]
    [InlineData("", "empty")]
    [InlineData("/docs/**", "leading '/'")]
    [InlineData("docs\\**", "'/' as the path separator")]
    [InlineData("!docs/**", "negated")]
    [InlineData("{a,b}/**", "brace")]
    [InlineData("a/../b", "'..'")]
    [InlineData("a//b", "empty path segment")]
    [InlineData("docs/", "write 'docs/**'")]
    [InlineData("a**", "whole path segment")]
    [InlineData("a/[bc", "unclosed '['")]
    [InlineData("a/b]", "unclosed '['")]
    public void Problem_Glob_ExplainsWhatIsWrong(string glob, string? fragment)
    {
        var problem = GlobSyntax.Problem(glob);
        if (fragment is null)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull().ShouldContain(fragment);
        }
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("schedule", "schedul", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Distance_TwoWords_IsLevenshtein(string a, string b, int distance) => Spelling.Distance(a, b).ShouldBe(distance);

    [Theory]
    [InlineData("reviwer", "reviewer")]
    [InlineData("MaxFiles", "maxFiles")]
    [InlineData("zzzzzz", null)]
    public void Closest_Word_SuggestsOnlyNearMatches(string word, string? expected) =>
        Spelling.Closest(word, ConfigKeys.Agent.Concat(ConfigKeys.Guardrails)).ShouldBe(expected);
}
