using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// The github-actions executor's requests (dispatch, runs, artifacts, download), checked against GitHub's OpenAPI
/// description and answered with its own examples; the artifact's storage redirect never receives the token.
/// </summary>
public sealed class ActionsConformanceTests
{
    [Fact]
    public async Task EveryActionsRequest_MatchesGitHubsRestDescription_AndTheStorageRedirectGetsNoToken()
    {
        var api = OpenApiDescription.Instance;
        await using var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}"""));
        server.Responder = r =>
        {
            var path = Uri.UnescapeDataString(new Uri("http://x" + r.PathAndQuery).AbsolutePath);
            if (path.StartsWith("/blob/", StringComparison.Ordinal))
            {
                return new Answer(200, "PK-zip-bytes");
            }

            if (path.EndsWith("/zip", StringComparison.Ordinal))
            {
                return new Answer(302, string.Empty, new Dictionary<string, string> { ["Location"] = new Uri(server.Url, "/blob/artifact.zip?sig=x").ToString() });
            }

            if (api.Find(r.Method, path) is not { } found)
            {
                return new Answer(404, """{"message":"Not Found"}""");
            }

            var (status, json) = api.Example(found.Operation);
            return new Answer(status, json ?? string.Empty);
        };
        var ct = TestContext.Current.CancellationToken;
        using var client = new GitHubActionsClient(new GitHubForgeOptions("octocat", "hello-world", server.Url, new StaticTokenSource("secret-token"))
        {
            Resilience = new ResilienceSettings(MaxRetries: 0),
        });

        await client.DispatchAsync("autoship-agent.yml", "main", new Dictionary<string, string> { ["order"] = "acme-app-7-a1", ["base"] = new string('a', 40), ["spec"] = "e30=" }, ct);
        var runs = await client.FindRunAsync("autoship-agent.yml", "no such title", ct);
        runs.ShouldBeNull("only a run titled with the job id is taken");
        (await client.FindArtifactAsync(30433642, "no-such-artifact", ct)).ShouldBeNull();
        var zip = await client.DownloadArtifactAsync(11, 1024, ct);
        System.Text.Encoding.UTF8.GetString(zip).ShouldBe("PK-zip-bytes");
        await Should.ThrowAsync<ForgeException>(() => client.DownloadArtifactAsync(11, 4, ct));

        var rest = server.Requests.Where(r => !r.PathAndQuery.StartsWith("/blob/", StringComparison.Ordinal)).ToList();
        var problems = rest.SelectMany(r => OpenApiConformance.Problems(api, r)).Distinct().ToList();
        problems.ShouldBeEmpty(string.Join("\n", problems));
        var operations = rest.Select(r => $"{r.Method} {api.Find(r.Method, Uri.UnescapeDataString(new Uri("http://x" + r.PathAndQuery).AbsolutePath))?.Template}").ToHashSet();
        operations.ShouldBe(new HashSet<string>
        {
            "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
            "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
            "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
            "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
        }, ignoreOrder: true);

        var blob = server.Requests.Where(r => r.PathAndQuery.StartsWith("/blob/", StringComparison.Ordinal)).ToList();
        blob.ShouldNotBeEmpty();
        blob.ShouldAllBe(r => !r.Headers.ContainsKey("Authorization"), "a pre-signed storage address never receives the forge token");
        rest.ShouldAllBe(r => r.Headers.ContainsKey("Authorization"));
    }
}
