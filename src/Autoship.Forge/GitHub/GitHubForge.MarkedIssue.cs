using System.Text.Json;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>
    /// Finds the marked issue (<see cref="FindMarkedIssueAsync"/>); reopens and rewrites that one (<c>PATCH</c>), or opens a
    /// new one (<c>POST</c>). A stranger's copy of the marker is never edited.
    /// </summary>
    public async Task<int> UpsertMarkedIssueAsync(string marker, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var own = await FindMarkedIssueAsync(marker, labels.Count > 0 ? labels[0] : null, cancellationToken);
        if (own is null)
        {
            var created = new NewIssue(title) { Body = body };
            foreach (var label in labels)
            {
                created.Labels.Add(label);
            }

            return (await _author.Issue.Create(Owner, Repo, created).WaitAsync(cancellationToken)).Number;
        }

        var update = new IssueUpdate { Title = title, Body = body, State = ItemState.Open };
        foreach (var label in own.Labels.Union(labels, StringComparer.OrdinalIgnoreCase))
        {
            update.AddLabel(label);
        }

        await _author.Issue.Update(Owner, Repo, own.Number, update).WaitAsync(cancellationToken);
        return own.Number;
    }

    /// <summary>
    /// Looks among the issues Autoship's author identity opened with the label (open or closed, newest first, one page:
    /// <c>GET /repos/{o}/{r}/issues?creator=…&amp;labels=…&amp;state=all</c>, conditional through the ETag cache) for the marker.
    /// </summary>
    public async Task<MarkedIssue?> FindMarkedIssueAsync(string marker, string? label, CancellationToken cancellationToken)
    {
        var author = await AuthorLoginAsync(cancellationToken);
        // The query is written out: Octokit's issue request adds a `filter` parameter this endpoint does not declare.
        var labelFilter = label is not null ? $"&labels={Uri.EscapeDataString(label)}" : string.Empty;
        using var response = await _raw.GetAsync($"repos/{Owner}/{Repo}/issues?state=all&creator={Uri.EscapeDataString(author)}{labelFilter}&sort=created&direction=desc&per_page=100", cancellationToken);
        await EnsureSuccessAsync(response, "issues", cancellationToken);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return doc.RootElement.ValueKind != JsonValueKind.Array ? null : doc.RootElement.EnumerateArray()
            .Where(i => !i.TryGetProperty("pull_request", out var pr) || pr.ValueKind == JsonValueKind.Null)
            .Where(i => GraphQlMapping.Str(i, "body")?.Contains(marker, StringComparison.Ordinal) == true
                        && i.TryGetProperty("user", out var u) && SameLogin(GraphQlMapping.Str(u, "login"), author))
            .Select(i => new MarkedIssue(
                i.GetProperty("number").GetInt32(),
                GraphQlMapping.Str(i, "title") ?? string.Empty,
                GraphQlMapping.Str(i, "body") ?? string.Empty,
                GraphQlMapping.Str(i, "state") == "open",
                i.TryGetProperty("labels", out var ls) && ls.ValueKind == JsonValueKind.Array
                    ? ls.EnumerateArray().Select(l => GraphQlMapping.Str(l, "name")).Where(n => n is not null).Select(n => n!).ToList()
                    : []))
            .FirstOrDefault();
    }
}
