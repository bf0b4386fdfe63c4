using System.Globalization;
using System.Net;
using System.Text.Json;
using Autoship.Core;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    private const int RestPageSize = 100;

    /// <summary>
    /// GitHub's own issue dependencies ("blocked by"), which the GraphQL schema does not offer: read over REST for the
    /// issues that could be dispatched (open, <c>autonomy:ready</c>, neither claimed nor blocked, no Autoship pull request
    /// of theirs open) and for no other. The
    /// ready issues' list says which have blockers at all (<c>issue_dependencies_summary.total_blocked_by</c>); only
    /// those are asked for their blockers. Every read goes through the ETag cache, so an unchanged queue costs 304s
    /// (no rate limit); with no candidate, nothing is read. A GitHub without the feature (404, or no summary) has none.
    /// </summary>
    /// <param name="heads">The head branches of Autoship's open pull requests (<c>autoship/7-…</c>): their issues are under way.</param>
    private async Task<IReadOnlyList<IssueSnapshot>> WithBlockedByAsync(IReadOnlyList<IssueSnapshot> issues, IEnumerable<string?> heads, CancellationToken cancellationToken)
    {
        var underWay = heads.Select(IssueOfHead).OfType<int>().ToHashSet();
        var candidates = issues.Where(i => IsCandidate(i) && !underWay.Contains(i.Number)).Select(i => i.Number).ToHashSet();
        if (candidates.Count == 0)
        {
            return issues;
        }

        var blocked = await WithBlockersAsync(candidates, cancellationToken);
        if (blocked.Count == 0)
        {
            return issues;
        }

        var result = new List<IssueSnapshot>(issues.Count);
        foreach (var issue in issues)
        {
            result.Add(blocked.Contains(issue.Number) ? issue with { BlockedBy = await BlockedByAsync(issue.Number, cancellationToken) } : issue);
        }

        return result;
    }

    private static bool IsCandidate(IssueSnapshot issue) =>
        issue.Open && issue.HasLabel(Labels.Ready) && !issue.HasLabel(Labels.Claimed) && !issue.HasLabel(Labels.Blocked);

    private static int? IssueOfHead(string? head)
    {
        if (head is null || !head.StartsWith(BranchPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = head[BranchPrefix.Length..];
        var digits = rest.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? rest[..dash] : rest;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The candidates whose summary counts any blocker, from the open ready issues' list, page by page.</summary>
    private async Task<HashSet<int>> WithBlockersAsync(HashSet<int> candidates, CancellationToken cancellationToken)
    {
        var found = new HashSet<int>();
        var seen = 0;
        var label = Uri.EscapeDataString(Labels.Ready);
        for (var page = 1; seen < candidates.Count; page++)
        {
            var items = await RestListAsync($"repos/{Owner}/{Repo}/issues?labels={label}&state=open&per_page={RestPageSize}&page={page}", cancellationToken);
            if (items is null)
            {
                return found;
            }

            foreach (var item in items)
            {
                if (item.TryGetProperty("number", out var n) && n.TryGetInt32(out var number) && candidates.Contains(number))
                {
                    seen++;
                    if (item.TryGetProperty("issue_dependencies_summary", out var summary) && summary.ValueKind == JsonValueKind.Object
                        && summary.TryGetProperty("total_blocked_by", out var total) && total.TryGetInt32(out var count) && count > 0)
                    {
                        found.Add(number);
                    }
                }
            }

            if (items.Count < RestPageSize)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Every blocker of <paramref name="number"/> with its state; one in another repository keeps its name.</summary>
    private async Task<IReadOnlyList<IssueLink>> BlockedByAsync(int number, CancellationToken cancellationToken)
    {
        var links = new List<IssueLink>();
        var here = $"repos/{Owner}/{Repo}".ToLowerInvariant();
        for (var page = 1; ; page++)
        {
            var items = await RestListAsync($"repos/{Owner}/{Repo}/issues/{number.ToString(CultureInfo.InvariantCulture)}/dependencies/blocked_by?per_page={RestPageSize}&page={page}", cancellationToken);
            if (items is null)
            {
                return links;
            }

            foreach (var item in items.Where(i => i.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number))
            {
                var repository = GraphQlMapping.Str(item, "repository_url") is { } url && !url.ToLowerInvariant().EndsWith(here, StringComparison.Ordinal)
                    ? RepositoryName(url)
                    : null;
                links.Add(new IssueLink(item.GetProperty("number").GetInt32(), RestMapping.LinkState(GraphQlMapping.Str(item, "state"), GraphQlMapping.Str(item, "state_reason")))
                {
                    Repository = repository,
                });
            }

            if (items.Count < RestPageSize)
            {
                return links;
            }
        }
    }

    /// <summary><c>owner/name</c> from <c>https://api.github.com/repos/owner/name</c>.</summary>
    private static string RepositoryName(string url)
    {
        var parts = url.TrimEnd('/').Split('/');
        return parts.Length >= 2 ? $"{parts[^2]}/{parts[^1]}" : url;
    }

    /// <summary>A REST list; null when GitHub has no such resource (404, 410: the feature is off or absent) or answers something that is not a list.</summary>
    private async Task<IReadOnlyList<JsonElement>?> RestListAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _raw.GetAsync(path, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Fail closed: an item is not dispatched past dependencies GitHub could not tell.
            throw new ForgeException("dependencies", $"GitHub answered HTTP {(int)response.StatusCode} to GET {path.Split('?')[0]}: {RestMapping.Truncate(text, 200)}");
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.ValueKind == JsonValueKind.Array ? [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())] : null;
    }
}
