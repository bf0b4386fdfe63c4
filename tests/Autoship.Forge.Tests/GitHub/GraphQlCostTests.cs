using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Forge.GitHub;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// GraphQL points per tick, computed from the requests the adapter really sent to a loopback GitHub at scale with
/// GitHub's documented formula (<c>graphql-cost.mjs</c>): one page per 100 issues or 100 of Autoship's PRs, whatever
/// humans have open. GitHub allows 5,000 points an hour (1,000 for Actions' <c>GITHUB_TOKEN</c>).
/// </summary>
public sealed class GraphQlCostTests
{
    internal static async Task<IReadOnlyList<int>> PointsAsync(IEnumerable<string> bodies, CancellationToken ct)
    {
        var graphql = Path.GetDirectoryName(Peers.File("graphql", "index.mjs"))!;
        var input = new JsonArray(bodies.Select(b => (JsonNode?)JsonNode.Parse(b)).ToArray()).ToJsonString();
        using var doc = JsonDocument.Parse(await NodeScript.RunAsync("graphql-cost.mjs", graphql, input, ct));
        return doc.RootElement.EnumerateArray().Select(c => c.GetProperty("points").GetInt32()).ToList();
    }

    [Fact]
    public async Task Calculator_GitHubsDocumentedExample_51Points()
    {
        // GitHub's docs: 1 request for repositories + 100 for issues + 5,000 for labels = 5,101 → 51 points.
        const string query = "query { viewer { login repositories(first: 100) { edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }";
        var points = await PointsAsync([JsonSerializer.Serialize(new { query })], TestContext.Current.CancellationToken);
        points.ShouldBe([51]);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 200)]
    [InlineData(100, 20)]
    [InlineData(1_000, 0)]
    [InlineData(1_000, 20)]
    [InlineData(1_000, 200)]
    public async Task ObserveTick_OnePagePer100Items_PointsWithinTheFormula(int issues, int pulls)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var github = new ScaleGitHub(issues, pulls);
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", github.Server.Url, new StaticTokenSource("t")) { Resilience = new ResilienceSettings(MaxRetries: 0) });

        var snapshot = await forge.ObserveAsync(ct);

        snapshot.Issues.Count.ShouldBe(issues);
        snapshot.PullRequests.Count.ShouldBe(pulls);
        var points = await PointsAsync(github.Server.Requests.Where(r => r.PathAndQuery == "/graphql").Select(r => r.Body), ct);
        int issuePages = Math.Max(1, (issues + 99) / 100), pullPages = Math.Max(1, (pulls + 99) / 100), both = Math.Min(issuePages, pullPages);
        points.Count.ShouldBe(Math.Max(issuePages, pullPages));

        // A page with both connections costs 10 points (401 + 601 connection requests), issues only 4, PRs only 6.
        points.Sum().ShouldBe((10 * both) + (4 * (issuePages - both)) + (6 * (pullPages - both)));
    }
}
