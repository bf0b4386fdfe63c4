using System.Text.Json;
using Autoship.Core;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    public const string ReviewStatusContext = "autoship/review";

    /// <summary>
    /// Reads one pull request fresh (to re-check it right before acting on it) with the observe query's own fields:
    /// one GraphQL request instead of seven REST reads (PR, files, reviews, statuses, check runs, deployments and
    /// their statuses), and the same mapping, so a PR reads the same whichever way it was fetched.
    /// </summary>
    public async Task<PullRequestSnapshot?> GetPullRequestAsync(int number, CancellationToken cancellationToken)
    {
        var data = await GraphQlAsync(ObserveQuery.Pull, new Dictionary<string, object?>
        {
            ["owner"] = Owner,
            ["name"] = Repo,
            ["number"] = number,
            ["environments"] = new[] { _options.StagingEnvironment },
        }, cancellationToken, tolerateNotFound: true);
        var repository = data.TryGetProperty("repository", out var r) ? r : default;
        if (repository.ValueKind != JsonValueKind.Object || !repository.TryGetProperty("pullRequest", out var pr) || pr.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var pages = await ReadOnAsync(pr, cancellationToken);
        foreach (var login in GraphQlMapping.Logins([], [pr]).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await GetPermissionAsync(login, cancellationToken);
        }

        var reviewer = await ReviewerLoginAsync(cancellationToken);
        var author = _reviewer is null ? await AuthorLoginAsync(cancellationToken) : null;
        return GraphQlMapping.PullRequest(pr, pages.Contexts, pages.Files, Actor, reviewer, author);
    }

    public async Task<PullRequestSnapshot> CreatePullRequestAsync(NewPullRequest request, CancellationToken cancellationToken)
    {
        var pr = await _author.PullRequest.Create(Owner, Repo, new Octokit.NewPullRequest(request.Title, request.Head, request.Base) { Body = request.Body }).WaitAsync(cancellationToken);
        if (request.Labels.Count > 0)
        {
            await AddLabelsAsync(pr.Number, request.Labels, cancellationToken);
        }

        return RestMapping.PullRequest(pr, await ActorAsync(pr.User?.Login, cancellationToken)) with { Labels = request.Labels };
    }

    public async Task UpdatePullRequestAsync(int number, string? title, string? body, CancellationToken cancellationToken) =>
        await _author.PullRequest.Update(Owner, Repo, number, new PullRequestUpdate { Title = title, Body = body }).WaitAsync(cancellationToken);

    public async Task ClosePullRequestAsync(int number, CancellationToken cancellationToken) =>
        await _author.PullRequest.Update(Owner, Repo, number, new PullRequestUpdate { State = ItemState.Closed }).WaitAsync(cancellationToken);

    public async Task SubmitReviewAsync(int number, ReviewSubmission review, CancellationToken cancellationToken)
    {
        if (_reviewer is null)
        {
            await SetCommitStatusAsync(review.CommitSha, ReviewMarker.Status(review), cancellationToken);
            return;
        }

        var create = new PullRequestReviewCreate
        {
            CommitId = review.CommitSha,
            Body = ReviewMarker.Body(review.Agent, review.Body),
            Event = review.Verdict switch
            {
                ReviewVerdict.Approve => PullRequestReviewEvent.Approve,
                ReviewVerdict.RequestChanges => PullRequestReviewEvent.RequestChanges,
                _ => PullRequestReviewEvent.Comment,
            },
        };
        await _reviewer.PullRequest.Review.Create(Owner, Repo, number, create).WaitAsync(cancellationToken);
    }

    public async Task RequestReviewersAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        if (logins.Count > 0)
        {
            await _author.PullRequest.ReviewRequest.Create(Owner, Repo, number, new PullRequestReviewRequest([.. logins], [])).WaitAsync(cancellationToken);
        }
    }

    public async Task SetCommitStatusAsync(string sha, CommitStatus status, CancellationToken cancellationToken)
    {
        var update = new NewCommitStatus
        {
            State = RestMapping.StatusState(status.State),
            Context = status.Context,
            Description = RestMapping.Truncate(status.Description, 140),
            TargetUrl = status.TargetUrl,
        };
        await _author.Repository.Status.Create(Owner, Repo, sha, update).WaitAsync(cancellationToken);
    }

    public async Task DeleteBranchAsync(string branch, CancellationToken cancellationToken)
    {
        try
        {
            await _author.Git.Reference.Delete(Owner, Repo, "heads/" + branch).WaitAsync(cancellationToken);
        }
        catch (ApiValidationException)
        {
            // 422 "Reference does not exist": deleting is idempotent.
        }
        catch (NotFoundException)
        {
        }
    }
}
