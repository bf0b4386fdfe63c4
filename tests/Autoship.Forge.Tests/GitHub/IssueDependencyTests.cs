using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// GitHub's issue dependencies ("blocked by"), read over REST for ready issues whose dependency summary counts blockers,
/// and the states of issues named by <c>Blocked by #N</c> body lines, read with one aliased query; requests, fields and
/// states are checked against GitHub's REST description.
/// </summary>
public sealed class IssueDependencyTests
{
    private const string Referenced = """{"data":{"repository":{"i77":{"number":77,"state":"CLOSED","stateReason":"COMPLETED"},"i78":{"number":78,"pullState":"MERGED"},"i79":{}}}}""";

    [Fact]
    public void OpenApi_BlockedByEndpoint_ListsIssuesWithTheStatesWeMap()
    {
        var api = OpenApiDescription.Instance;
        var (template, operation) = api.Find("GET", "/repos/o/r/issues/7/dependencies/blocked_by").ShouldNotBeNull();
        template.ShouldBe("/repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by");

        var items = api.Resolve(api.Resolve(operation.GetProperty("responses").GetProperty("200")).GetProperty("content").GetProperty("application/json").GetProperty("schema")).GetProperty("items");
        var issue = api.Resolve(items).GetProperty("properties");
        issue.TryGetProperty("number", out _).ShouldBeTrue();
        api.Resolve(issue.GetProperty("state")).GetProperty("type").GetString().ShouldBe("string");
        var reasons = api.Resolve(issue.GetProperty("state_reason")).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

        // Every reason GitHub documents has a meaning here: a new one fails this test instead of passing as done.
        var mapped = new Dictionary<string, IssueLinkState>
        {
            ["completed"] = IssueLinkState.Completed,
            ["reopened"] = IssueLinkState.Completed,
            ["not_planned"] = IssueLinkState.NotPlanned,
            ["duplicate"] = IssueLinkState.NotPlanned,
        };
        reasons.ShouldBe(mapped.Keys, ignoreOrder: true);
        foreach (var reason in reasons)
        {
            GraphQlMapping.LinkState(Json($$"""{"state":"CLOSED","stateReason":"{{reason.ToUpperInvariant()}}"}""")).ShouldBe(mapped[reason], reason);
        }

        GraphQlMapping.LinkState(Json("""{"state":"OPEN","stateReason":"REOPENED"}""")).ShouldBe(IssueLinkState.Open);
        GraphQlMapping.LinkState(Json("""{"pullState":"CLOSED"}""")).ShouldBe(IssueLinkState.NotPlanned);
        GraphQlMapping.LinkState(Json("{}")).ShouldBe(IssueLinkState.Unknown);
    }

    [Fact]
    public async Task ObserveAsync_BodyLines_ReadsReferencedIssuesInOneQueryAndNeverAsksForAFieldTheSchemaLacks()
    {
        var fixture = JsonNode.Parse(ObserveFixture.Json)!;
        var node = fixture["data"]!["repository"]!["issues"]!["nodes"]![0]!;
        node["body"] = "Fix it.\n\nBlocked by #77, #78\nDepends on #79";
        var observe = fixture.ToJsonString();
        await using var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}"""))
        {
            Responder = r => r.PathAndQuery != "/graphql" ? null
                : r.Body.Contains("query Referenced", StringComparison.Ordinal) ? new Answer(200, Referenced) : new Answer(200, observe),
        };
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"admin","role_name":"admin"}""");
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t")) { AuthorLogin = "autoship-bot", Resilience = new ResilienceSettings(MaxRetries: 0) });

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        snapshot.Issues.ShouldHaveSingleItem().BlockedBy.ShouldBeEmpty();
        snapshot.ReferencedIssues.ShouldBe(new Dictionary<int, IssueLinkState> { [77] = IssueLinkState.Completed, [78] = IssueLinkState.Completed, [79] = IssueLinkState.Unknown });
        var graphql = server.Requests.Where(r => r.PathAndQuery == "/graphql").ToList();
        graphql.Count.ShouldBe(2);
        // Issue.blockedBy is not in the GraphQL schema the requests are checked against (@octokit/graphql-schema):
        // a field GitHub might reject would fail every observe, so dependencies come from the body lines.
        graphql[0].Body.ShouldNotContain("blockedBy");
        var referenced = JsonDocument.Parse(graphql[1].Body).RootElement.GetProperty("query").GetString()!;
        referenced.ShouldContain("i77: issueOrPullRequest(number: 77)");
        referenced.ShouldContain("i79: issueOrPullRequest(number: 79)");
    }

    [Fact]
    public async Task ObserveAsync_NoBodyLines_NoSecondQuery()
    {
        await using var server = new LoopbackGitHub(new Answer(200, ObserveFixture.Json));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"admin","role_name":"admin"}""");
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t")) { AuthorLogin = "autoship-bot", Resilience = new ResilienceSettings(MaxRetries: 0) });

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        snapshot.ReferencedIssues.ShouldBeEmpty();
        snapshot.Issues.ShouldHaveSingleItem().BlockedBy.ShouldBeEmpty();
        server.Requests.Count(r => r.PathAndQuery == "/graphql").ShouldBe(1);
    }

    [Fact]
    public void OpenApi_ReadyListAndBlockedBy_HaveEveryFieldAndParameterWeRead()
    {
        var api = OpenApiDescription.Instance;
        var (_, list) = api.Find("GET", "/repos/o/r/issues").ShouldNotBeNull();
        new[] { "labels", "state", "per_page", "page" }.Except(api.Parameters(list, "query").Select(p => p.GetProperty("name").GetString()!)).ShouldBeEmpty();
        var listed = api.Resolve(api.Resolve(Schema(api, list).GetProperty("items")).GetProperty("properties").GetProperty("issue_dependencies_summary"));
        listed.GetProperty("properties").GetProperty("total_blocked_by").GetProperty("type").GetString().ShouldBe("integer");

        var (_, blockedBy) = api.Find("GET", "/repos/o/r/issues/7/dependencies/blocked_by").ShouldNotBeNull();
        new[] { "per_page", "page" }.Except(api.Parameters(blockedBy, "query").Select(p => p.GetProperty("name").GetString()!)).ShouldBeEmpty();
        var issue = api.Resolve(api.Resolve(Schema(api, blockedBy).GetProperty("items"))).GetProperty("properties");
        foreach (var field in new[] { "number", "state", "state_reason", "repository_url" })
        {
            issue.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        // REST's reasons, as the blocked_by answer carries them (lower case); a reason GitHub adds later is unknown, so the item waits.
        foreach (var reason in api.Resolve(issue.GetProperty("state_reason")).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!))
        {
            RestMapping.LinkState("closed", reason).ShouldBe(reason is "not_planned" or "duplicate" ? IssueLinkState.NotPlanned : IssueLinkState.Completed, reason);
        }

        RestMapping.LinkState("open", null).ShouldBe(IssueLinkState.Open);
        RestMapping.LinkState("closed", null).ShouldBe(IssueLinkState.Completed);
        RestMapping.LinkState("closed", "archived").ShouldBe(IssueLinkState.Unknown);
    }

    [Fact]
    public async Task ObserveAsync_ReadyIssueWithBlockers_ReadsGitHubsDependenciesWithConformingRequests()
    {
        var (server, forge) = Open(summary: 3, claimed: false);
        await using var _ = server;
        await using var __ = forge;

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        snapshot.Issues.ShouldHaveSingleItem().BlockedBy.ShouldBe(
        [
            new IssueLink(41, IssueLinkState.Open),
            new IssueLink(42, IssueLinkState.NotPlanned),
            new IssueLink(5, IssueLinkState.Completed) { Repository = "other/lib" },
        ]);
        var rest = server.Requests.Where(r => r.PathAndQuery != "/graphql").ToList();
        rest.Count(r => r.PathAndQuery.Contains("/dependencies/blocked_by", StringComparison.Ordinal)).ShouldBe(1);
        rest.Count(r => r.PathAndQuery.StartsWith("/repos/o/r/issues?", StringComparison.Ordinal)).ShouldBe(1);
        rest.SelectMany(r => OpenApiConformance.Problems(OpenApiDescription.Instance, r)).ShouldBeEmpty();
        // The blockers' states came with the dependency answer: no aliased query for them.
        server.Requests.Count(r => r.PathAndQuery == "/graphql").ShouldBe(1);
    }

    [Theory]
    [InlineData(0, false, 1)] // the summary counts no blocker: the list only
    [InlineData(3, true, 0)]  // a claimed issue is under way: nothing is read
    public async Task ObserveAsync_NoBlockersOrNotACandidate_ReadsNoBlockedBy(int summary, bool claimed, int lists)
    {
        var (server, forge) = Open(summary, claimed);
        await using var _ = server;
        await using var __ = forge;

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        snapshot.Issues.ShouldHaveSingleItem().BlockedBy.ShouldBeEmpty();
        server.Requests.Count(r => r.PathAndQuery.Contains("/dependencies/", StringComparison.Ordinal)).ShouldBe(0);
        server.Requests.Count(r => r.PathAndQuery.StartsWith("/repos/o/r/issues?", StringComparison.Ordinal)).ShouldBe(lists);
    }

    [Fact]
    public async Task ObserveAsync_BlockedByAnswersAServerError_FailsClosed()
    {
        var (server, forge) = Open(summary: 1, claimed: false, blockedByStatus: 502);
        await using var _ = server;
        await using var __ = forge;

        var error = await Should.ThrowAsync<ForgeException>(() => forge.ObserveAsync(TestContext.Current.CancellationToken));

        error.Code.ShouldBe("dependencies");
    }

    /// <summary>The recorded observation with its one issue as #8 (its PR is #7's), ready or claimed, and GitHub's dependency answers.</summary>
    private static (LoopbackGitHub Server, GitHubForge Forge) Open(int summary, bool claimed, int blockedByStatus = 200)
    {
        var fixture = JsonNode.Parse(ObserveFixture.Json)!;
        var node = fixture["data"]!["repository"]!["issues"]!["nodes"]![0]!;
        node["number"] = 8;
        if (claimed)
        {
            node["labels"]!["nodes"]!.AsArray().Add(new JsonObject { ["name"] = "autonomy:claimed" });
        }

        var observe = fixture.ToJsonString();
        var list = $$$"""[{"number":8,"state":"open","issue_dependencies_summary":{"blocked_by":1,"blocking":0,"total_blocked_by":{{{summary}}},"total_blocking":0}}]""";
        const string blockers = """
            [{"number":41,"state":"open","state_reason":null,"repository_url":"http://127.0.0.1/repos/o/r"},
             {"number":42,"state":"closed","state_reason":"not_planned","repository_url":"http://127.0.0.1/repos/o/r"},
             {"number":5,"state":"closed","state_reason":"completed","repository_url":"http://127.0.0.1/repos/other/lib"}]
            """;
        var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}"""))
        {
            Responder = r => r.PathAndQuery == "/graphql" ? new Answer(200, observe)
                : r.PathAndQuery.StartsWith("/repos/o/r/issues?", StringComparison.Ordinal) ? new Answer(200, list)
                : r.PathAndQuery.StartsWith("/repos/o/r/issues/8/dependencies/blocked_by?", StringComparison.Ordinal) ? new Answer(blockedByStatus, blockedByStatus == 200 ? blockers : """{"message":"bad gateway"}""")
                : null,
        };
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"admin","role_name":"admin"}""");
        var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t")) { AuthorLogin = "autoship-bot", Resilience = new ResilienceSettings(MaxRetries: 0) });
        return (server, forge);
    }

    private static JsonElement Schema(OpenApiDescription api, JsonElement operation) =>
        api.Resolve(api.Resolve(operation.GetProperty("responses").GetProperty("200")).GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
