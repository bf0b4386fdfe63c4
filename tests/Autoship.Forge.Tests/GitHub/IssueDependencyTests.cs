using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// GitHub's issue dependencies ("blocked by") as the observe query reads them, and the states of issues named by
/// <c>Blocked by #N</c> body lines, read with one aliased query; the states are checked against GitHub's REST description.
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

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
