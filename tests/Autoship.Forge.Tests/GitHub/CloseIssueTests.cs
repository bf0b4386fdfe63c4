using System.Text.Json;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

public sealed class CloseIssueTests
{
    private const string ClosedIssueJson =
        """{"number":7,"node_id":"I_7","state":"closed","title":"t","body":"","user":{"login":"someone"},"labels":[],"milestone":{"number":3,"title":"v1","state":"open"},"updated_at":"2026-01-01T00:00:00Z","created_at":"2026-01-01T00:00:00Z"}""";

    [Fact]
    public async Task CloseIssueAsync_IssueWithMilestone_SendsOnlyTheState()
    {
        await using var server = new LoopbackGitHub(new Answer(200, ClosedIssueJson));
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("author-token"))
        {
            AuthorLogin = "autoship-bot",
            Resilience = new ResilienceSettings(MaxRetries: 0),
        });

        await forge.CloseIssueAsync(7, TestContext.Current.CancellationToken);

        var request = server.Requests.Single();
        request.Method.ShouldBe("PATCH");
        request.PathAndQuery.ShouldBe("/repos/o/r/issues/7");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["state"]);
        body.RootElement.GetProperty("state").GetString().ShouldBe("closed");
    }
}
