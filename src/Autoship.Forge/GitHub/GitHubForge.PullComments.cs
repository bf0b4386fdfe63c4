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
        var inline = await api.GetAll<InlineReviewComment>(new Uri($"repos/{Owner}/{Repo}/pulls/{number}/comments", UriKind.Relative)).WaitAsync(cancellationToken);
        var list = new List<PullRequestComment>();
        foreach (var c in conversation)
        {
            list.Add(new PullRequestComment(await ActorAsync(c.User?.Login, cancellationToken), c.Body ?? string.Empty, c.CreatedAt));
        }

        foreach (var c in inline)
        {
            list.Add(new PullRequestComment(await ActorAsync(c.User?.Login, cancellationToken), c.Body ?? string.Empty, c.CreatedAt)
            {
                Path = c.Path,
                Line = c.Line ?? c.OriginalLine, // an outdated comment has no line on the head any more: the one it was written on
            });
        }

        return [.. list.OrderBy(c => c.CreatedAt)];
    }
}
