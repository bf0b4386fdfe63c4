namespace Autoship.Forge.Tests.GitHub;

/// <summary>The conformance check itself must catch wrong requests, or its silence means nothing.</summary>
public sealed class OpenApiConformanceCheckTests
{
    [Theory]
    [InlineData("POST", "/repos/o/r/labels/bug", """{"name":"bug"}""", "no such operation")]
    [InlineData("PUT", "/repos/o/r/pulls/1/merge", """{"merge_method":"squish"}""", "is not one of")]
    [InlineData("POST", "/repos/o/r/statuses/abc", """{"description":"x"}""", "body.state is required")]
    [InlineData("GET", "/repos/o/r/labels?bogus=1", "", "query parameter 'bogus'")]
    [InlineData("POST", "/repos/o/r/labels", """{"name":"a","colour":"fff"}""", "body.colour is not declared")]
    [InlineData("POST", "/repos/o/r/pulls/1/reviews", """{"event":"APPROVE","commit_id":7}""", "should be string")]
    public void Problems_WrongRequest_Reported(string method, string pathAndQuery, string body, string expected)
    {
        var request = new LoopbackGitHub.Received(method, pathAndQuery, new Dictionary<string, string>(), body);

        var problems = OpenApiConformance.Problems(OpenApiDescription.Instance, request).ToList();

        problems.ShouldContain(p => p.Contains(expected, StringComparison.Ordinal), string.Join("\n", problems));
    }

    [Fact]
    public void Problems_DocumentedRequest_None()
    {
        var request = new LoopbackGitHub.Received("PUT", "/repos/o/r/pulls/1/merge", new Dictionary<string, string>(), """{"sha":"abc","merge_method":"squash","commit_title":"t"}""");

        OpenApiConformance.Problems(OpenApiDescription.Instance, request).ShouldBeEmpty();
    }
}
