using System.Text.Json.Nodes;
using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;
using Received = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Received;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// The observation reads the default branch's nested <c>.gitattributes</c> files above each PR file: one aliased
/// GraphQL query at main's commit, remembered for the commit in this process and, with a cache directory, in the next.
/// </summary>
public sealed class ObserveAttributesTests
{
    private const string Generated = "*.py linguist-generated\n";

    private static Answer? Answer(Received request)
    {
        if (request.PathAndQuery != "/graphql")
        {
            return request.PathAndQuery.Contains("/collaborators/", StringComparison.Ordinal)
                ? new Answer(200, """{"permission":"admin","role_name":"admin"}""")
                : null;
        }

        var body = JsonNode.Parse(request.Body)!;
        if (!body["query"]!.GetValue<string>().StartsWith("query Attributes", StringComparison.Ordinal))
        {
            var page = JsonNode.Parse(ObserveFixture.Json)!;
            page["data"]!["pulls"]!["nodes"]![0]!["files"]!["nodes"]![0]!["path"] = "src/gen/api.py";
            return new Answer(200, page.ToJsonString());
        }

        var repository = new JsonObject();
        foreach (var (name, value) in body["variables"]!.AsObject().Where(v => v.Key.StartsWith('e')))
        {
            var expression = value!.GetValue<string>();
            repository["a" + name[1..]] = expression.EndsWith(":src/gen/.gitattributes", StringComparison.Ordinal) ? new JsonObject { ["text"] = Generated } : null;
        }

        return new Answer(200, new JsonObject { ["data"] = new JsonObject { ["repository"] = repository } }.ToJsonString());
    }

    private static GitHubForge Open(LoopbackGitHub server, string cache) => new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
    {
        AuthorLogin = "autoship-bot",
        CacheDirectory = cache,
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    private static int AttributeQueries(LoopbackGitHub server) =>
        server.Requests.Count(r => r.PathAndQuery == "/graphql" && r.Body.Contains("query Attributes", StringComparison.Ordinal));

    [Fact]
    public async Task ObserveAsync_PullRequestInASubdirectory_ReadsTheAttributesAboveItAtMainsCommitOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = Directory.CreateTempSubdirectory("autoship-attrs-").FullName;
        await using var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}""")) { Responder = Answer };

        RepositorySnapshot first;
        await using (var forge = Open(server, cache))
        {
            first = await forge.ObserveAsync(ct);
            (await forge.ObserveAsync(ct)).AttributeFiles.ByDirectory["src/gen"].ShouldBe(Generated);
        }

        AttributeQueries(server).ShouldBe(1, "the second observation of the same main remembers the files");
        first.AttributeFiles.ByDirectory["src/gen"].ShouldBe(Generated);
        first.AttributeFiles.ByDirectory.ContainsKey("src").ShouldBeFalse();
        var query = server.Requests.First(r => r.Body.Contains("query Attributes", StringComparison.Ordinal)).Body;
        var expressions = JsonNode.Parse(query)!["variables"]!.AsObject().Where(v => v.Key.StartsWith('e')).Select(v => v.Value!.GetValue<string>()).ToList();
        expressions.ShouldBe([$"{first.DefaultBranchSha}:src/.gitattributes", $"{first.DefaultBranchSha}:src/gen/.gitattributes"], ignoreOrder: true);
        SizingPolicy.Measure(first.PullRequests.Single().Files, Autoship.Core.Config.ConfigDefaults.Sizing, first.AttributeFiles).ExcludedFiles.ShouldBe(["src/gen/api.py"]);

        await using (var fresh = Open(server, cache))
        {
            (await fresh.ObserveAsync(ct)).AttributeFiles.ByDirectory["src/gen"].ShouldBe(Generated);
        }

        AttributeQueries(server).ShouldBe(1, "a fresh process with the kept cache directory asks again for nothing");
        Directory.Delete(cache, recursive: true);
    }

    [Fact]
    public async Task ObserveAsync_ForeignCacheFile_ReadsTheFilesAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = Directory.CreateTempSubdirectory("autoship-attrs-").FullName;
        await File.WriteAllTextAsync(Path.Combine(cache, "github-o-r.attributes.json"), "{not json", ct);
        await using var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}""")) { Responder = Answer };
        await using (var forge = Open(server, cache))
        {
            (await forge.ObserveAsync(ct)).AttributeFiles.ByDirectory["src/gen"].ShouldBe(Generated);
        }

        AttributeQueries(server).ShouldBe(1);
        Directory.Delete(cache, recursive: true);
    }
}
