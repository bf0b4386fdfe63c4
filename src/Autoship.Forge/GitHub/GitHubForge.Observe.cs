using System.Text.Json;
using Autoship.Core;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    public const string BranchPrefix = "autoship/";

    public async Task<RepositorySnapshot> ObserveAsync(CancellationToken cancellationToken)
    {
        // Permissions are cached for one tick: someone's access can change between ticks.
        _permissions.Clear();
        _comments.Clear();
        var issues = new List<JsonElement>();
        var pulls = new List<JsonElement>();
        JsonElement repository = default;
        string? issuesAfter = null, pullsAfter = null;
        bool withIssues = true, withPulls = true;
        while (withIssues || withPulls)
        {
            var data = await GraphQlAsync(ObserveQuery.Text, new Dictionary<string, object?>
            {
                ["owner"] = Owner,
                ["name"] = Repo,
                ["labels"] = Labels.Autonomy,
                ["environments"] = new[] { _options.StagingEnvironment },
                ["withIssues"] = withIssues,
                ["issuesAfter"] = issuesAfter,
                ["withPulls"] = withPulls,
                ["pullsAfter"] = pullsAfter,
            }, cancellationToken);
            repository = data.GetProperty("repository");
            if (repository.ValueKind != JsonValueKind.Object)
            {
                throw new ForgeException("not-found", $"GitHub has no repository {Owner}/{Repo} visible to this token");
            }

            (withIssues, issuesAfter) = Page(repository, "issues", withIssues, issues, issuesAfter);
            (withPulls, pullsAfter) = Page(repository, "pullRequests", withPulls, pulls, pullsAfter);
        }

        foreach (var issue in issues)
        {
            _comments.Add(issue);
        }

        var ours = pulls.Where(p => GraphQlMapping.Str(p, "headRefName")?.StartsWith(BranchPrefix, StringComparison.Ordinal) == true).ToList();
        foreach (var login in GraphQlMapping.Logins(issues, ours).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await GetPermissionAsync(login, cancellationToken);
        }

        var reviewer = await ReviewerLoginAsync(cancellationToken);
        var author = _reviewer is null ? await AuthorLoginAsync(cancellationToken) : null;
        var defaultBranch = repository.GetProperty("defaultBranchRef");
        var observed = issues.Select(i => GraphQlMapping.Issue(i, Actor)).ToList();
        return new RepositorySnapshot(
            GraphQlMapping.Str(repository, "nameWithOwner") ?? $"{Owner}/{Repo}",
            GraphQlMapping.Str(defaultBranch, "name") ?? "main",
            defaultBranch.GetProperty("target").GetProperty("oid").GetString() ?? string.Empty,
            observed,
            ours.Select(p => GraphQlMapping.PullRequest(p, Actor, reviewer, author)).ToList(),
            _options.Clock.GetUtcNow())
        {
            ConfigText = GraphQlMapping.BlobText(repository, "config"),
            GitAttributesText = GraphQlMapping.BlobText(repository, "gitattributes"),
            ReferencedIssues = await ReferencedIssuesAsync(observed, cancellationToken),
        };
    }

    private Actor Actor(string? login) =>
        login is null ? new Actor("ghost", Permission.None) : new Actor(login, _permissions.TryGetValue(login, out var p) ? p : Permission.None);

    private static (bool More, string? After) Page(JsonElement repository, string connection, bool requested, List<JsonElement> into, string? after)
    {
        if (!requested || !repository.TryGetProperty(connection, out var page) || page.ValueKind != JsonValueKind.Object)
        {
            return (false, after);
        }

        into.AddRange(page.GetProperty("nodes").EnumerateArray());
        var info = page.GetProperty("pageInfo");
        return info.GetProperty("hasNextPage").GetBoolean() ? (true, info.GetProperty("endCursor").GetString()) : (false, after);
    }
}
