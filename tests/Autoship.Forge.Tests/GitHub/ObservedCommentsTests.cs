using System.Text.Json.Nodes;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>The state comment comes with the observation: reading it costs no request when the query saw it.</summary>
public sealed class ObservedCommentsTests
{
    private const string Marker = "<!-- autoship:item -->";

    private static string Page(int total, params (long Id, string Body, bool Mine, string Login)[] comments)
    {
        var page = JsonNode.Parse(ObserveFixture.Json)!;
        var nodes = new JsonArray();
        foreach (var (id, body, mine, login) in comments)
        {
            nodes.Add(new JsonObject { ["databaseId"] = id, ["body"] = body, ["viewerDidAuthor"] = mine, ["author"] = new JsonObject { ["login"] = login } });
        }

        page["data"]!["repository"]!["issues"]!["nodes"]![0]!["comments"] = new JsonObject { ["totalCount"] = total, ["nodes"] = nodes };
        return page.ToJsonString();
    }

    private static GitHubForge Open(LoopbackGitHub server) => new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
    {
        AuthorLogin = "autoship-bot",
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    private static int Rest(LoopbackGitHub server, string fragment) => server.Requests.Count(r => r.PathAndQuery.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public async Task FindCommentAsync_StateCommentObserved_NoRequest()
    {
        await using var server = new LoopbackGitHub(new Answer(200, Page(2, (1, Marker + " forged", false, "mallory"), (2, Marker + " ours", true, "autoship-bot"))));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server);
        var ct = TestContext.Current.CancellationToken;
        await forge.ObserveAsync(ct);

        var body = await forge.FindCommentAsync(7, Marker, ct);

        body.ShouldBe(Marker + " ours");
        Rest(server, "/comments").ShouldBe(0);
    }

    [Fact]
    public async Task FindCommentAsync_OnlyForgedCommentAndAllRead_NullWithoutRequest()
    {
        await using var server = new LoopbackGitHub(new Answer(200, Page(1, (1, Marker + " forged", false, "mallory"))));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        await using var forge = Open(server);
        var ct = TestContext.Current.CancellationToken;
        await forge.ObserveAsync(ct);

        (await forge.FindCommentAsync(7, Marker, ct)).ShouldBeNull();
        Rest(server, "/comments").ShouldBe(0);
    }

    [Fact]
    public async Task FindCommentAsync_OlderCommentsNotRead_ListsThemOverRest()
    {
        await using var server = new LoopbackGitHub(new Answer(200, Page(45, (9, "a human comment", false, "alice"))));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        server.ByPath["/issues/7/comments"] = new Answer(200, $$$"""[{"id":3,"body":"{{{Marker}}} old","user":{"login":"autoship-bot"}}]""");
        await using var forge = Open(server);
        var ct = TestContext.Current.CancellationToken;
        await forge.ObserveAsync(ct);

        (await forge.FindCommentAsync(7, Marker, ct)).ShouldBe(Marker + " old");
        Rest(server, "/issues/7/comments").ShouldBe(1);
    }

    [Fact]
    public async Task UpsertCommentAsync_ObservedComment_EditsItInOneRequest()
    {
        await using var server = new LoopbackGitHub(new Answer(200, Page(1, (2, Marker + " v1", true, "autoship-bot"))));
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write"}""");
        server.ByPath["/issues/comments/2"] = new Answer(200, $$$"""{"id":2,"body":"{{{Marker}}} v2","user":{"login":"autoship-bot"}}""");
        await using var forge = Open(server);
        var ct = TestContext.Current.CancellationToken;
        await forge.ObserveAsync(ct);
        var before = server.Requests.Count;

        await forge.UpsertCommentAsync(7, Marker, Marker + " v2", ct);

        server.Requests.Skip(before).Select(r => r.Method + " " + r.PathAndQuery).ShouldBe(["PATCH /repos/o/r/issues/comments/2"]);
        (await forge.FindCommentAsync(7, Marker, ct)).ShouldBe(Marker + " v2");
        server.Requests.Count.ShouldBe(before + 1);
    }
}
