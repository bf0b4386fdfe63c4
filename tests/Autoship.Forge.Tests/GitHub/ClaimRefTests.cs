using System.Text.Json;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>GitHub claim refs: a tag object naming the holder, then <c>POST /git/refs</c>, whose 422 is the lost compare-and-set.</summary>
public sealed class ClaimRefTests
{
    private const string Head = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private const string Tag = "940bd336248efae0f9ee5bc7b2d5c985887b16ac";
    private const string Other = "1111111111111111111111111111111111111111";

    private static GitHubForge Open(LoopbackGitHub server) => new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
    {
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    private static LoopbackGitHub Server(string existingHolder, bool takeover = false)
    {
        var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}"""));
        server.ByPath["/git/ref/heads/main"] = new Answer(200, $$$"""{"ref":"refs/heads/main","node_id":"x","url":"u","object":{"type":"commit","sha":"{{{Head}}}","url":"u"}}""");
        server.ByPath["/git/tags"] = new Answer(201, $$$"""{"node_id":"x","tag":"autoship-claim-7-2","sha":"{{{Tag}}}","url":"u","message":"m","tagger":{"name":"a","email":"a@b","date":"2026-01-01T00:00:00Z"},"object":{"type":"commit","sha":"{{{Head}}}","url":"u"},"verification":{"verified":false,"reason":"unsigned","signature":null,"payload":null}}""");
        server.ByPath["/git/refs"] = new Answer(422, """{"message":"Reference already exists","documentation_url":"https://docs.github.com/rest/git/refs#create-a-reference"}""");
        // Generation 0 of key 2, its takeover (generation 1, when asked) and key 20, which shares the prefix.
        var gen0 = takeover ? Other : Tag;
        var gen1 = takeover ? $$$""",{"ref":"refs/autoship/claims/7/2.1","node_id":"x","url":"u","object":{"type":"tag","sha":"{{{Tag}}}","url":"u"}}""" : string.Empty;
        server.ByPath["/git/matching-refs/autoship/claims/7/2"] = new Answer(200, $$$"""
            [{"ref":"refs/autoship/claims/7/2","node_id":"x","url":"u","object":{"type":"tag","sha":"{{{gen0}}}","url":"u"}}{{{gen1}}},
             {"ref":"refs/autoship/claims/7/20","node_id":"x","url":"u","object":{"type":"tag","sha":"{{{Other}}}","url":"u"}}]
            """);
        server.ByPath[$"/git/tags/{Tag}"] = new Answer(200, JsonSerializer.Serialize(new
        {
            node_id = "x", tag = "autoship-claim-7-2", sha = Tag, url = "u", message = (new ForgeClaim(7, "2", existingHolder, "main") with { Process = "h/1/2/x", Since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) }).Text,
            tagger = new { name = "a", email = "a@b", date = "2026-01-01T00:00:00Z" }, @object = new { type = "commit", sha = Head, url = "u" },
        }));
        return server;
    }

    [Fact]
    public async Task ClaimAsync_RefExists_Returns422sHolderAndIsNotCreated()
    {
        await using var server = Server("host/other");
        await using var forge = Open(server);

        var result = await forge.ClaimAsync(ForgeClaim.ForAttempt(7, 2, "host/me", "main"), TestContext.Current.CancellationToken);

        result.Created.ShouldBeFalse();
        result.Holder.ShouldBe("host/other");
        result.IsHeldBy("host/me").ShouldBeFalse();
        var create = server.Requests.Single(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/git/refs", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(create.Body);
        body.RootElement.GetProperty("ref").GetString().ShouldBe("refs/autoship/claims/7/2");
        body.RootElement.GetProperty("sha").GetString().ShouldBe(Tag);
        var tag = server.Requests.Single(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/git/tags", StringComparison.Ordinal));
        tag.Body.ShouldContain("holder: host/me");
    }

    [Fact]
    public async Task ClaimAsync_RefExistsWithOwnHolder_IsHeldByUs()
    {
        await using var server = Server("host/me");
        await using var forge = Open(server);

        var result = await forge.ClaimAsync(ForgeClaim.ForAttempt(7, 2, "host/me", "main"), TestContext.Current.CancellationToken);

        result.Created.ShouldBeFalse();
        result.IsHeldBy("host/me").ShouldBeTrue();
    }

    [Fact]
    public async Task ClaimAsync_KeyTakenOver_ReadsTheHighestGenerationOnly()
    {
        await using var server = Server("host/taker", takeover: true);
        await using var forge = Open(server);

        var result = await forge.ClaimAsync(ForgeClaim.ForAttempt(7, 2, "host/me", "main"), TestContext.Current.CancellationToken);

        result.ShouldBe(new ClaimResult(false, "host/taker") { Process = "h/1/2/x", Since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Generation = 1 });
        server.Requests.ShouldNotContain(r => r.PathAndQuery.Contains(Other, StringComparison.Ordinal), "only the highest generation's tag is read");
    }
}
