using System.Text.Json.Nodes;
using Autoship.Forge.GitHub;

namespace Autoship.Forge.Tests.GitHub;

/// <summary><c>serve --installation</c>'s list: every page of <c>GET /installation/repositories</c>, each request checked against GitHub's REST description.</summary>
public sealed class InstallationRepositoriesTests
{
    [Fact]
    public async Task List_TwoPages_EveryRepositoryButTheArchivedOne_RequestsMatchTheRestDescription()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new LoopbackGitHub(new LoopbackGitHub.Answer(500))
        {
            Responder = r => r.PathAndQuery.Contains("page=1&", StringComparison.Ordinal) || r.PathAndQuery.EndsWith("page=1", StringComparison.Ordinal)
                ? new LoopbackGitHub.Answer(200, Page(150, 1, 100))
                : new LoopbackGitHub.Answer(200, Page(150, 101, 50)),
        };
        using var handler = new SocketsHttpHandler();

        var names = await InstallationRepositories.ListAsync(new StaticTokenSource("ghs_installation"), server.Url, handler, ct);

        names.Count.ShouldBe(149);
        names.ShouldContain("octo/repo-150");
        names.ShouldNotContain("octo/repo-7", "repo-7 is archived");
        var requests = server.Requests.ToList();
        requests.Count.ShouldBe(2);
        requests.ShouldAllBe(r => r.Headers["Authorization"] == "Bearer ghs_installation");
        var problems = requests.SelectMany(r => OpenApiConformance.Problems(OpenApiDescription.Instance, r)).ToList();
        problems.ShouldBeEmpty(string.Join("\n", problems));
        OpenApiDescription.Instance.Find("GET", "/installation/repositories").ShouldNotBeNull();
    }

    [Fact]
    public async Task List_ATotalThatNeverArrives_StopsAtAnEmptyPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var calls = 0;
        await using var server = new LoopbackGitHub(new LoopbackGitHub.Answer(500))
        {
            Responder = _ => new LoopbackGitHub.Answer(200, Interlocked.Increment(ref calls) <= 3 ? Page(1_000_000, calls, 1) : Page(1_000_000, 0, 0)),
        };
        using var handler = new SocketsHttpHandler();

        var names = await InstallationRepositories.ListAsync(new StaticTokenSource("t"), server.Url, handler, ct);

        names.Count.ShouldBe(3);
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task List_Refused_IsAForgeErrorThatSaysWhichRequest()
    {
        await using var server = new LoopbackGitHub(new LoopbackGitHub.Answer(500)) { Responder = _ => new LoopbackGitHub.Answer(401, """{"message":"Bad credentials"}""") };
        using var handler = new SocketsHttpHandler();

        var error = await Should.ThrowAsync<ForgeException>(() => InstallationRepositories.ListAsync(new StaticTokenSource("t"), server.Url, handler, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("GET /installation/repositories: 401");
    }

    private static string Page(int total, int first, int count)
    {
        var repos = new JsonArray();
        for (var i = first; i < first + count; i++)
        {
            repos.Add(new JsonObject { ["id"] = i, ["name"] = $"repo-{i}", ["full_name"] = $"octo/repo-{i}", ["archived"] = i == 7 });
        }

        return new JsonObject { ["total_count"] = total, ["repositories"] = repos }.ToJsonString();
    }
}
