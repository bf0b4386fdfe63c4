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
                ["pullsQuery"] = ObserveQuery.PullsSearch(Owner, Repo),
            }, cancellationToken);
            repository = data.GetProperty("repository");
            if (repository.ValueKind != JsonValueKind.Object)
            {
                throw new ForgeException("not-found", $"GitHub has no repository {Owner}/{Repo} visible to this token");
            }

            (withIssues, issuesAfter) = Page(repository, "issues", withIssues, issues, issuesAfter);
            (withPulls, pullsAfter) = Page(data, "pulls", withPulls, pulls, pullsAfter);
        }

        foreach (var issue in issues)
        {
            _comments.Add(issue);
        }

        // The search is by word, so it is narrowed again: our prefix, this repository, pull requests only.
        var ours = pulls.Where(p => p.TryGetProperty("number", out _)
                                    && GraphQlMapping.Str(p, "headRefName")?.StartsWith(BranchPrefix, StringComparison.Ordinal) == true
                                    && (!p.TryGetProperty("repository", out var r) || string.Equals(GraphQlMapping.Str(r, "nameWithOwner"), $"{Owner}/{Repo}", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var complete = new List<PullPages>(ours.Count);
        foreach (var pr in ours)
        {
            complete.Add(await ReadOnAsync(pr, cancellationToken));
        }

        foreach (var login in GraphQlMapping.Logins(issues, ours).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await GetPermissionAsync(login, cancellationToken);
        }

        var reviewer = await ReviewerLoginAsync(cancellationToken);
        var ownLogin = await AuthorLoginAsync(cancellationToken);
        var author = _reviewer is null ? ownLogin : null;
        var defaultBranch = repository.GetProperty("defaultBranchRef");
        var observed = await WithBlockedByAsync([.. issues.Select(i => GraphQlMapping.Issue(i, Actor))], ours.Select(p => GraphQlMapping.Str(p, "headRefName")), cancellationToken);
        var mainSha = defaultBranch.GetProperty("target").GetProperty("oid").GetString() ?? string.Empty;
        var pullRequests = ours.Select((p, i) => GraphQlMapping.PullRequest(p, complete[i].Contexts, complete[i].Files, Actor, reviewer, author)).ToList();
        return new RepositorySnapshot(
            GraphQlMapping.Str(repository, "nameWithOwner") ?? $"{Owner}/{Repo}",
            GraphQlMapping.Str(defaultBranch, "name") ?? "main",
            mainSha,
            observed,
            pullRequests,
            _options.Clock.GetUtcNow())
        {
            ConfigText = GraphQlMapping.BlobText(repository, "config"),
            AttributeFiles = await AttributeFilesAsync(mainSha, GraphQlMapping.BlobText(repository, "gitattributes"), pullRequests.SelectMany(p => p.Files.Select(f => f.Path)), cancellationToken),
            HarnessLogins = new[] { ownLogin, reviewer }.OfType<string>().ToList(),
            ReferencedIssues = await ReferencedIssuesAsync(observed, cancellationToken),
        };
    }

    private Actor Actor(string? login) =>
        login is null ? new Actor("ghost", Permission.None) : new Actor(login, _permissions.TryGetValue(login, out var p) ? p : Permission.None);

    private static (bool More, string? After) Page(JsonElement parent, string connection, bool requested, List<JsonElement> into, string? after)
    {
        if (!requested || !parent.TryGetProperty(connection, out var page) || page.ValueKind != JsonValueKind.Object)
        {
            return (false, after);
        }

        into.AddRange(page.GetProperty("nodes").EnumerateArray());
        var info = page.GetProperty("pageInfo");
        return info.GetProperty("hasNextPage").GetBoolean() ? (true, info.GetProperty("endCursor").GetString()) : (false, after);
    }
}
