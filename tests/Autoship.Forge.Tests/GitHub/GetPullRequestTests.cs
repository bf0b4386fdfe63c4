using System.Text.Json.Nodes;
using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>The fresh read of one PR before Autoship acts on it: one GraphQL request, mapped like the observation.</summary>
public sealed class GetPullRequestTests
{
    private static GitHubForge Open(LoopbackGitHub server) => new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
    {
        Reviewer = new StaticTokenSource("r"),
        ReviewerLogin = "autoship-reviewer",
        AuthorLogin = "autoship-bot",
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    [Fact]
    public async Task GetPullRequestAsync_OneGraphQlRequest_SameSnapshotAsTheObservation()
    {
        var ct = TestContext.Current.CancellationToken;
        var pull = JsonNode.Parse(ObserveFixture.Json)!["data"]!["pulls"]!["nodes"]![0]!.DeepClone();
        var answer = new JsonObject { ["data"] = new JsonObject { ["repository"] = new JsonObject { ["pullRequest"] = pull } } };
        await using var observed = new LoopbackGitHub(new Answer(200, ObserveFixture.Json));
        observed.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var server = new LoopbackGitHub(new Answer(200, answer.ToJsonString()));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var observer = Open(observed);
        await using var forge = Open(server);

        var expected = (await observer.ObserveAsync(ct)).PullRequests.Single();
        var pr = (await forge.GetPullRequestAsync(12, ct)).ShouldNotBeNull();

        pr.HeadSha.ShouldBe(expected.HeadSha);
        pr.Files.ShouldBe(expected.Files);
        pr.Checks.ShouldBe(expected.Checks);
        pr.Deployments.ShouldBe(expected.Deployments);
        pr.Reviews.Select(r => (r.Reviewer.Login, r.State, r.Agent)).ShouldBe(expected.Reviews.Select(r => (r.Reviewer.Login, r.State, r.Agent)));
        pr.Labels.ShouldBe(expected.Labels);
        var sent = server.Requests.ToList();
        sent.Count(r => r.PathAndQuery == "/graphql").ShouldBe(1);
        JsonNode.Parse(sent.Single(r => r.PathAndQuery == "/graphql").Body)!["variables"]!["number"]!.GetValue<int>().ShouldBe(12);
        sent.Where(r => r.PathAndQuery != "/graphql").ShouldAllBe(r => r.PathAndQuery.Contains("/collaborators/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetPullRequestAsync_NoSuchPull_Null()
    {
        await using var server = new LoopbackGitHub(new Answer(200, """
            {"data":{"repository":{"pullRequest":null}},"errors":[{"type":"NOT_FOUND","path":["repository","pullRequest"],"message":"Could not resolve to a PullRequest with the number of 99."}]}
            """));
        await using var forge = Open(server);

        (await forge.GetPullRequestAsync(99, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task GetPullRequestAsync_OtherGraphQlError_Thrown()
    {
        await using var server = new LoopbackGitHub(new Answer(200, """
            {"data":null,"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded"}]}
            """));
        await using var forge = Open(server);

        var error = await Should.ThrowAsync<ForgeException>(() => forge.GetPullRequestAsync(12, TestContext.Current.CancellationToken));
        error.Message.ShouldContain("rate limit");
    }
}
