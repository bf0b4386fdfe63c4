using Autoship.Core;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>
    /// A pull request's conversation comments (the issue comments of its number) and inline review comments, two paged
    /// REST reads made only when an attempt fixes the PR forward (never on an idle tick). Each author's access comes
    /// from the collaborator-permission read, cached per login: <c>author_association</c> does not say "write".
    /// </summary>
    public async Task<IReadOnlyList<PullRequestComment>> ListPullRequestCommentsAsync(int number, CancellationToken cancellationToken)
    {
        var api = new ApiConnection(_author.Connection);
        var conversation = await api.GetAll<IssueComment>(new Uri($"repos/{Owner}/{Repo}/issues/{number}/comments", UriKind.Relative)).WaitAsync(cancellationToken);
        var inline = await api.GetAll<PullRequestReviewComment>(new Uri($"repos/{Owner}/{Repo}/pulls/{number}/comments", UriKind.Relative)).WaitAsync(cancellationToken);
        var list = new List<PullRequestComment>();
        foreach (var c in conversation)
        {
            list.Add(new PullRequestComment(await ActorAsync(c.User?.Login, cancellationToken), c.Body ?? string.Empty, c.CreatedAt));
        }

        foreach (var c in inline)
        {
            list.Add(new PullRequestComment(await ActorAsync(c.User?.Login, cancellationToken), c.Body ?? string.Empty, c.CreatedAt)
            {
                Path = c.Path, // Octokit 14's type has no line (only the diff position): the path is what the prompt names
            });
        }

        return [.. list.OrderBy(c => c.CreatedAt)];
    }
}
