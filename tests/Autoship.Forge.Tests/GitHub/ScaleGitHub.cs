using System.Text.Json.Nodes;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;
using Received = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Received;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// A loopback GitHub at scale: <c>issues</c> labeled issues (each with Autoship's state comment) and <c>pulls</c> open
/// PRs, shaped like the recorded observe answer, paged by cursor as GitHub pages them, and REST answers with ETags
/// that come back as 304 on <c>If-None-Match</c>. It counts what GitHub would charge: GraphQL queries, and REST
/// requests that were not 304.
/// </summary>
public sealed class ScaleGitHub : IAsyncDisposable
{
    public const string StateMarker = "<!-- autoship:item ";

    private readonly int _issues;
    private readonly int _pulls;
    private readonly JsonNode _issue;
    private readonly JsonNode _pull;
    private readonly JsonNode _page;
    private int _graphQl;
    private int _restCharged;
    private int _restFree;

    public ScaleGitHub(int issues, int pulls)
    {
        _issues = issues;
        _pulls = pulls;
        _page = JsonNode.Parse(ObserveFixture.Json)!;
        var repository = _page["data"]!["repository"]!;
        _issue = repository["issues"]!["nodes"]![0]!.DeepClone();
        _pull = _page["data"]!["pulls"]!["nodes"]![0]!.DeepClone();
        Server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}""")) { Responder = Answer };
    }

    /// <summary>GitHub's page size for the PR search the observe query asks for (<c>first: 100</c>).</summary>
    public const int PullsPageSize = 100;

    public LoopbackGitHub Server { get; }

    public int GraphQlQueries => _graphQl;

    public int RestCharged => _restCharged;

    public int RestFree => _restFree;

    public void ResetCounts() => (_graphQl, _restCharged, _restFree) = (0, 0, 0);

    private Answer? Answer(Received request)
    {
        if (request.PathAndQuery == "/graphql")
        {
            Interlocked.Increment(ref _graphQl);
            return new Answer(200, Observe(JsonNode.Parse(request.Body)!["variables"]!));
        }

        var etag = "\"" + request.PathAndQuery.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "\"";
        if (request.Headers.TryGetValue("If-None-Match", out var sent) && sent == etag)
        {
            Interlocked.Increment(ref _restFree);
            return new Answer(304, string.Empty, new Dictionary<string, string> { ["ETag"] = etag });
        }

        Interlocked.Increment(ref _restCharged);
        var headers = new Dictionary<string, string> { ["ETag"] = etag };
        if (request.PathAndQuery.Contains("/permission", StringComparison.Ordinal))
        {
            return new Answer(200, """{"permission":"admin","role_name":"admin","user":{"login":"alice"}}""", headers);
        }

        if (request.PathAndQuery.StartsWith("/repos/o/r/issues?", StringComparison.Ordinal))
        {
            return new Answer(200, ReadyIssues(request.PathAndQuery), headers);
        }

        return request.PathAndQuery == "/user" ? new Answer(200, """{"login":"autoship-bot","id":1}""", headers) : null;
    }

    private string Observe(JsonNode variables)
    {
        var page = _page.DeepClone();
        var repository = page["data"]!["repository"]!.AsObject();
        Fill(repository, "issues", variables["withIssues"]!.GetValue<bool>(), variables["issuesAfter"]?.GetValue<string>(), 100, _issues, IssueNode);
        Fill(page["data"]!.AsObject(), "pulls", variables["withPulls"]!.GetValue<bool>(), variables["pullsAfter"]?.GetValue<string>(), PullsPageSize, _pulls, PullNode);
        return page.ToJsonString();
    }

    private static void Fill(JsonObject parent, string connection, bool wanted, string? after, int size, int total, Func<int, JsonNode> node)
    {
        if (!wanted)
        {
            parent.Remove(connection);
            return;
        }

        var start = after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var end = Math.Min(total, start + size);
        var nodes = new JsonArray();
        for (var i = start; i < end; i++)
        {
            nodes.Add(node(i));
        }

        parent[connection] = new JsonObject
        {
            ["pageInfo"] = new JsonObject { ["hasNextPage"] = end < total, ["endCursor"] = end.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["nodes"] = nodes,
        };
    }

    /// <summary>REST's list of open ready issues, a page of 100, each with its dependency summary (no blockers here).</summary>
    private string ReadyIssues(string pathAndQuery)
    {
        var page = int.Parse(System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + pathAndQuery).Query)["page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var items = new JsonArray();
        for (var i = (page - 1) * 100; i < Math.Min(_issues, page * 100); i++)
        {
            items.Add(new JsonObject
            {
                ["number"] = i + 1,
                ["state"] = "open",
                ["issue_dependencies_summary"] = new JsonObject { ["blocked_by"] = 0, ["blocking"] = 0, ["total_blocked_by"] = 0, ["total_blocking"] = 0 },
            });
        }

        return items.ToJsonString();
    }

    private JsonNode IssueNode(int i)
    {
        var node = _issue.DeepClone();
        node["number"] = i + 1;
        node["comments"] = new JsonObject
        {
            ["totalCount"] = 2,
            ["nodes"] = new JsonArray(
                new JsonObject { ["databaseId"] = 10_000 + i, ["body"] = "looks good", ["viewerDidAuthor"] = false, ["author"] = new JsonObject { ["login"] = "alice" } },
                new JsonObject { ["databaseId"] = 20_000 + i, ["body"] = StateMarker + "{} -->", ["viewerDidAuthor"] = true, ["author"] = new JsonObject { ["login"] = "autoship-bot" } }),
        };
        return node;
    }

    private JsonNode PullNode(int i)
    {
        var node = _pull.DeepClone();
        node["number"] = 100_000 + i;
        node["headRefName"] = $"autoship/{i + 1}-item";
        return node;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
