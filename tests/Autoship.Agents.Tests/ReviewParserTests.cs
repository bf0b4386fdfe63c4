using Autoship.Forge;

namespace Autoship.Agents.Tests;

public sealed class ReviewParserTests
{
    [Fact]
    public void Parse_LastJsonBlockWins()
    {
        var text = "first:\n```json\n{\"verdict\":\"approve\"}\n```\nno, actually:\n```json\n{\"verdict\":\"request_changes\",\"findings\":[{\"rubric\":\"scope\",\"severity\":\"error\",\"message\":\"m\",\"path\":\"p\"}]}\n```\n";
        var (result, error) = ReviewParser.Parse(text);
        error.ShouldBeNull();
        result!.Verdict.ShouldBe(ReviewVerdict.RequestChanges);
        result.Findings.ShouldBe([new Finding("scope", "error", "m", "p")]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("approve")]
    [InlineData("```json\n[]\n```")]
    [InlineData("```json\n{\"verdict\":\"APPROVE\"}\n```")]
    [InlineData("```json\n{\"verdict\":\"approve\",\"findings\":{}}\n```")]
    [InlineData("```json\n{\"verdict\":\"approve\",\"findings\":[1]}\n```")]
    [InlineData("```json\n{\"verdict\":\"approve\"\n```")]
    public void Parse_Garbage_Error(string text)
    {
        var (result, error) = ReviewParser.Parse(text);
        result.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }
}
