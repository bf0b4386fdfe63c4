using System.Text.Json;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>
    /// Looks among the issues Autoship's author identity opened with the first label (open or closed, newest first,
    /// one page: <c>GET /repos/{o}/{r}/issues?creator=…&amp;labels=…&amp;state=all</c>) for the marker; reopens and rewrites
    /// that one (<c>PATCH</c>), or opens a new one (<c>POST</c>). A stranger's copy of the marker is never edited.
    /// </summary>
    public async Task<int> UpsertMarkedIssueAsync(string marker, string title, string body, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var author = await AuthorLoginAsync(cancellationToken);
        // The query is written out: Octokit's issue request adds a `filter` parameter this endpoint does not declare.
        var labelFilter = labels.Count > 0 ? $"&labels={Uri.EscapeDataString(labels[0])}" : string.Empty;
        using var response = await _raw.GetAsync($"repos/{Owner}/{Repo}/issues?state=all&creator={Uri.EscapeDataString(author)}{labelFilter}&sort=created&direction=desc&per_page=100", cancellationToken);
        await EnsureSuccessAsync(response, "issues", cancellationToken);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var own = doc.RootElement.ValueKind != JsonValueKind.Array ? null : doc.RootElement.EnumerateArray()
            .Where(i => !i.TryGetProperty("pull_request", out var pr) || pr.ValueKind == JsonValueKind.Null)
            .Where(i => GraphQlMapping.Str(i, "body")?.Contains(marker, StringComparison.Ordinal) == true
                        && i.TryGetProperty("user", out var u) && SameLogin(GraphQlMapping.Str(u, "login"), author))
            .Select(i => new
            {
                Number = i.GetProperty("number").GetInt32(),
                Labels = i.TryGetProperty("labels", out var ls) && ls.ValueKind == JsonValueKind.Array
                    ? ls.EnumerateArray().Select(l => GraphQlMapping.Str(l, "name")).Where(n => n is not null).Select(n => n!).ToList()
                    : [],
            })
            .FirstOrDefault();
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
}
