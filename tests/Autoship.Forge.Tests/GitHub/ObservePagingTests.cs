using System.Text.Json.Nodes;
using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

public sealed class ObservePagingTests
{
    private static JsonNode Fixture() => JsonNode.Parse(ObserveFixture.Json)!;

    private static GitHubForge Open(LoopbackGitHub server, bool twoIdentities) => new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
    {
        Reviewer = twoIdentities ? new StaticTokenSource("r") : null,
        ReviewerLogin = "autoship-reviewer",
        AuthorLogin = "autoship-bot",
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    [Fact]
    public async Task ObserveAsync_IssuesOnTwoPages_FollowsTheCursorOnlyForIssues()
    {
        var first = Fixture();
        first["data"]!["repository"]!["issues"]!["pageInfo"] = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = "cursor-1" };
        var second = Fixture();
        second["data"]!.AsObject().Remove("pulls");
        second["data"]!["repository"]!["issues"]!["nodes"]![0]!["number"] = 8;
        await using var server = new LoopbackGitHub(new Answer(200, first.ToJsonString()), new Answer(200, second.ToJsonString()));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server, twoIdentities: true);

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        snapshot.Issues.Select(i => i.Number).ShouldBe([7, 8]);
        snapshot.PullRequests.Count.ShouldBe(1);
        var queries = server.Requests.Where(r => r.PathAndQuery == "/graphql").Select(r => JsonNode.Parse(r.Body)!["variables"]!).ToList();
        queries.Count.ShouldBe(2);
        queries[1]["issuesAfter"]!.GetValue<string>().ShouldBe("cursor-1");
        queries[1]["withPulls"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task ObserveAsync_OneIdentity_ReviewStatusReadBackAsAgentReview()
    {
        var page = Fixture();
        var contexts = page["data"]!["pulls"]!["nodes"]![0]!["commits"]!["nodes"]![0]!["commit"]!["statusCheckRollup"]!["contexts"]!["nodes"]!.AsArray();
        contexts.Add(JsonNode.Parse("""{"__typename":"StatusContext","context":"autoship/review","state":"SUCCESS","description":"qa-reliability-engineer approved","targetUrl":null,"createdAt":"2026-01-02T11:06:00Z","creator":{"login":"autoship-bot"}}"""));
        contexts.Add(JsonNode.Parse("""{"__typename":"StatusContext","context":"autoship/review","state":"SUCCESS","description":"forged approved","targetUrl":null,"createdAt":"2026-01-02T11:07:00Z","creator":{"login":"alice"}}"""));
        await using var server = new LoopbackGitHub(new Answer(200, page.ToJsonString()));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server, twoIdentities: false);

        var pr = (await forge.ObserveAsync(TestContext.Current.CancellationToken)).PullRequests.Single();

        var agentReviews = pr.Reviews.Where(r => r.Agent is not null).ToList();
        agentReviews.ShouldHaveSingleItem().Agent.ShouldBe("qa-reliability-engineer");
        agentReviews[0].State.ShouldBe(ReviewState.Approved);
        agentReviews[0].CommitSha.ShouldBe(pr.HeadSha);

        // With one identity, the "reviewer identity" review in the fixture does not speak for an agent either.
        pr.Reviews.Single(r => r.Reviewer.Login == "autoship-reviewer").Agent.ShouldBeNull();
    }

    [Fact]
    public async Task ObserveAsync_SearchesOnlyAutoshipsOwnPulls_AndDropsWhatTheWordSearchLetThrough()
    {
        var page = Fixture();
        var nodes = page["data"]!["pulls"]!["nodes"]!.AsArray();
        var forked = nodes[0]!.DeepClone();
        forked["number"] = 14;
        forked["repository"] = new JsonObject { ["nameWithOwner"] = "mallory/r" };
        nodes.Add(forked);
        nodes.Add(new JsonObject());
        await using var server = new LoopbackGitHub(new Answer(200, page.ToJsonString()));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server, twoIdentities: true);

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        // #13 is on feature/x, #14 lives in another repository, {} is an issue the search returned: none is ours.
        snapshot.PullRequests.Select(p => p.Number).ShouldBe([12]);
        var variables = JsonNode.Parse(server.Requests.First(r => r.PathAndQuery == "/graphql").Body)!["variables"]!;
        variables["pullsQuery"]!.GetValue<string>().ShouldBe("repo:o/r is:pr is:open head:autoship");
    }

    [Fact]
    public async Task ObserveAsync_HeadWithMoreThanOnePageOfChecks_ReadsTheRestBeforeJudging()
    {
        var first = Fixture();
        var contexts = first["data"]!["pulls"]!["nodes"]![0]!["commits"]!["nodes"]![0]!["commit"]!["statusCheckRollup"]!["contexts"]!;
        contexts["pageInfo"] = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = "k1" };
        var rest = JsonNode.Parse("""
            { "data": { "node": { "statusCheckRollup": { "contexts": {
              "pageInfo": { "hasNextPage": false, "endCursor": "k2" },
              "nodes": [ { "__typename": "CheckRun", "name": "lint", "status": "COMPLETED", "conclusion": "FAILURE", "detailsUrl": "https://ci/2" } ] } } } } }
            """)!;
        var attributes = """{ "data": { "repository": { "a0": null, "a1": null } } }""";
        await using var server = new LoopbackGitHub(new Answer(200, first.ToJsonString()), new Answer(200, rest.ToJsonString()), new Answer(200, attributes));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server, twoIdentities: true);

        var pr = (await forge.ObserveAsync(TestContext.Current.CancellationToken)).PullRequests.Single();

        pr.Checks.Select(c => (c.Name, c.State)).ShouldBe([("autoship/gate", CheckState.Pending), ("test", CheckState.Success), ("lint", CheckState.Failure)]);
        var more = JsonNode.Parse(server.Requests.Where(r => r.PathAndQuery == "/graphql").ElementAt(1).Body)!;
        more["query"]!.GetValue<string>().ShouldContain("query MoreContexts");
        more["variables"]!["id"]!.GetValue<string>().ShouldBe("C_bbbbbbbb");
        more["variables"]!["after"]!.GetValue<string>().ShouldBe("k1");
    }

    [Fact]
    public async Task ObserveAsync_PullWithMoreThan100Files_EveryPathReadBeforeTheLaneIsJudged()
    {
        var first = Fixture();
        var pull = first["data"]!["pulls"]!["nodes"]![0]!;
        pull["changedFiles"] = 2;
        pull["files"]!["pageInfo"] = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = "f1" };
        var rest = JsonNode.Parse("""
            { "data": { "node": { "files": {
              "pageInfo": { "hasNextPage": false, "endCursor": "f2" },
              "nodes": [ { "path": ".github/workflows/ci.yml", "additions": 1, "deletions": 0, "changeType": "MODIFIED" } ] } } } }
            """)!;
        var attributes = """{ "data": { "repository": { "a0": null, "a1": null } } }""";
        await using var server = new LoopbackGitHub(new Answer(200, first.ToJsonString()), new Answer(200, rest.ToJsonString()), new Answer(200, attributes));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server, twoIdentities: true);

        var pr = (await forge.ObserveAsync(TestContext.Current.CancellationToken)).PullRequests.Single();

        pr.Files.Select(f => f.Path).ShouldBe(["README.md", ".github/workflows/ci.yml"]);
        var more = JsonNode.Parse(server.Requests.Where(r => r.PathAndQuery == "/graphql").ElementAt(1).Body)!;
        more["query"]!.GetValue<string>().ShouldContain("query MoreFiles");
        more["variables"]!["id"]!.GetValue<string>().ShouldBe("PR_12");
        // Then the attributes files above the late file's directories (.github, .github/workflows), in one query.
        var attributeQuery = JsonNode.Parse(server.Requests.Where(r => r.PathAndQuery == "/graphql").ElementAt(2).Body)!;
        attributeQuery["query"]!.GetValue<string>().ShouldStartWith("query Attributes");
        attributeQuery["variables"]!["e1"]!.GetValue<string>().ShouldEndWith(":.github/workflows/.gitattributes");
    }

    [Fact]
    public async Task ObserveAsync_GitHubListsFewerFilesThanChanged_ThatPrAloneIsRefusedAsAPartialDiff()
    {
        var page = Fixture();
        page["data"]!["pulls"]!["nodes"]![0]!["changedFiles"] = 3001;
        await using var server = new LoopbackGitHub(new Answer(200, page.ToJsonString()));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server, twoIdentities: true);

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        // The tick goes on (one huge PR does not stop every other item), and the unlisted files fail that PR closed.
        var pr = snapshot.PullRequests.Single(p => p.Number == 12);
        var unlisted = pr.Files.Where(f => f.AddedTextUnread).ShouldHaveSingleItem();
        unlisted.Path.ShouldContain("3000 more changed files");
        var classification = Autoship.Core.Classifier.Classify(["area:docs"], pr.Files, Autoship.Core.Config.DefaultConfig.Load(), null);
        classification.Allowed.ShouldBeFalse();
        classification.Guardrails.Violations.ShouldContain(v => v.Code == "added-text-unread");
    }
}
