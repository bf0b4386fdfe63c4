using System.Text.Json;

namespace Autoship.Forge.GitHub;

/// <summary>Reads <c>autoship doctor</c> needs, each in one GraphQL request.</summary>
public sealed partial class GitHubForge
{
    private const string TreeQuery = """
        query($owner: String!, $name: String!, $expression: String!) {
          repository(owner: $owner, name: $name) {
            object(expression: $expression) { ... on Tree { entries { name mode object { ... on Blob { text } } } } }
          }
        }
        """;

    private const string HistoryQuery = """
        query($owner: String!, $name: String!, $ref: String!, $count: Int!) {
          repository(owner: $owner, name: $name) {
            ref(qualifiedName: $ref) { target { ... on Commit { history(first: $count) { nodes { oid
              statusCheckRollup { contexts(first: 100) { nodes { __typename ... on CheckRun { name } ... on StatusContext { context } } } }
            } } } } }
          }
        }
        """;

    /// <summary>The entries of a directory on the default branch (empty when it does not exist).</summary>
    public async Task<IReadOnlyList<TreeEntry>> GetTreeAsync(string directory, CancellationToken cancellationToken)
    {
        var data = await GraphQlAsync(TreeQuery, new Dictionary<string, object?> { ["owner"] = Owner, ["name"] = Repo, ["expression"] = "HEAD:" + directory.Trim('/') }, cancellationToken);
        var tree = data.GetProperty("repository").GetProperty("object");
        if (tree.ValueKind != JsonValueKind.Object || !tree.TryGetProperty("entries", out var entries))
        {
            return [];
        }

        return entries.EnumerateArray().Select(e => new TreeEntry(
            e.GetProperty("name").GetString()!,
            e.GetProperty("mode").GetInt32(),
            e.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object ? GraphQlMapping.Str(o, "text") : null)).ToList();
    }

    /// <summary>Which checks reported on the last <paramref name="count"/> commits of <paramref name="branch"/>.</summary>
    public async Task<IReadOnlyList<CommitChecks>> GetRecentChecksAsync(string branch, int count, CancellationToken cancellationToken)
    {
        var data = await GraphQlAsync(HistoryQuery, new Dictionary<string, object?> { ["owner"] = Owner, ["name"] = Repo, ["ref"] = "refs/heads/" + branch, ["count"] = count }, cancellationToken);
        var reference = data.GetProperty("repository").GetProperty("ref");
        if (reference.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return reference.GetProperty("target").GetProperty("history").GetProperty("nodes").EnumerateArray().Select(c =>
        {
            var names = c.TryGetProperty("statusCheckRollup", out var rollup) && rollup.ValueKind == JsonValueKind.Object
                ? rollup.GetProperty("contexts").GetProperty("nodes").EnumerateArray().Select(n => GraphQlMapping.Str(n, "name") ?? GraphQlMapping.Str(n, "context")).OfType<string>().ToList()
                : [];
            return new CommitChecks(c.GetProperty("oid").GetString()!, names);
        }).ToList();
    }
}
