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
        var request = new RepositoryIssueRequest { State = ItemStateFilter.All, Creator = author, SortProperty = IssueSort.Created, SortDirection = SortDirection.Descending };
        if (labels.Count > 0)
        {
            request.Labels.Add(labels[0]);
        }

        var issues = await _author.Issue.GetAllForRepository(Owner, Repo, request, new ApiOptions { PageSize = 100, PageCount = 1, StartPage = 1 }).WaitAsync(cancellationToken);
        var own = issues.FirstOrDefault(i => i.PullRequest is null && i.Body?.Contains(marker, StringComparison.Ordinal) == true && SameLogin(i.User?.Login, author));
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
        foreach (var label in own.Labels.Select(l => l.Name).Union(labels, StringComparer.OrdinalIgnoreCase))
        {
            update.AddLabel(label);
        }

        await _author.Issue.Update(Owner, Repo, own.Number, update).WaitAsync(cancellationToken);
        return own.Number;
    }
}
