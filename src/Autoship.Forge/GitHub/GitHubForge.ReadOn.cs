using System.Text.Json;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>A PR's check contexts and changed files, every page of each.</summary>
    private sealed record PullPages(IReadOnlyList<JsonElement> Contexts, IReadOnlyList<JsonElement> Files);

    /// <summary>
    /// Completes what the query cut at 100: the head's check contexts and the changed files. Rare, and never skipped — a
    /// red check or a protected path past the first page must count, so a missing page is an error, not a guess.
    /// </summary>
    private async Task<PullPages> ReadOnAsync(JsonElement pr, CancellationToken cancellationToken)
    {
        var number = pr.GetProperty("number").GetInt32();
        var commit = GraphQlMapping.HeadCommit(pr);
        var contexts = await AllPagesAsync(GraphQlMapping.Contexts(commit), ObserveQuery.MoreContexts, GraphQlMapping.Str(commit, "id"), GraphQlMapping.Contexts, $"the checks of PR #{number}'s head", cancellationToken);
        var files = await AllPagesAsync(GraphQlMapping.Connection(pr, "files"), ObserveQuery.MoreFiles, GraphQlMapping.Str(pr, "id"), node => GraphQlMapping.Connection(node, "files"), $"the changed files of PR #{number}", cancellationToken);
        return new PullPages(contexts, files);
    }

    private async Task<IReadOnlyList<JsonElement>> AllPagesAsync(JsonElement page, string query, string? id, Func<JsonElement, JsonElement> connection, string what, CancellationToken cancellationToken)
    {
        var all = new List<JsonElement>();
        while (page.ValueKind == JsonValueKind.Object)
        {
            all.AddRange(page.GetProperty("nodes").EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object));
            if (!page.TryGetProperty("pageInfo", out var info) || !info.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            var data = await GraphQlAsync(query, new Dictionary<string, object?> { ["id"] = id, ["after"] = info.GetProperty("endCursor").GetString() }, cancellationToken);
            page = connection(data.TryGetProperty("node", out var node) ? node : default);
            if (page.ValueKind != JsonValueKind.Object)
            {
                throw new ForgeException("graphql", $"GitHub did not return the rest of {what}");
            }
        }

        return all;
    }
}
