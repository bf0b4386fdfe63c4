using Autoship.Core;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    public const string ReviewStatusContext = "autoship/review";

    /// <summary>Reads one pull request with REST (used to re-check a PR right before acting on it).</summary>
    public async Task<PullRequestSnapshot?> GetPullRequestAsync(int number, CancellationToken cancellationToken)
    {
        PullRequest pr;
        try
        {
            pr = await _author.PullRequest.Get(Owner, Repo, number).WaitAsync(cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        var sha = pr.Head.Sha;
        var files = await _author.PullRequest.Files(Owner, Repo, number).WaitAsync(cancellationToken);
        var reviews = await _author.PullRequest.Review.GetAll(Owner, Repo, number).WaitAsync(cancellationToken);
        var status = await _author.Repository.Status.GetCombined(Owner, Repo, sha).WaitAsync(cancellationToken);
        var runs = await _author.Check.Run.GetAllForReference(Owner, Repo, sha).WaitAsync(cancellationToken);
        var deployments = await new ApiConnection(_author.Connection).GetAll<Deployment>(
            new Uri($"repos/{Owner}/{Repo}/deployments", UriKind.Relative),
            new Dictionary<string, string> { ["sha"] = sha, ["environment"] = _options.StagingEnvironment }).WaitAsync(cancellationToken);

        var reviewer = await ReviewerLoginAsync(cancellationToken);
        var reviewSnapshots = new List<ReviewSnapshot>();
        foreach (var r in RestMapping.LatestPerReviewer(reviews))
        {
            reviewSnapshots.Add(RestMapping.Review(r, await ActorAsync(r.User?.Login, cancellationToken), reviewer));
        }

        var checks = status.Statuses.Select(s => RestMapping.Check(s, sha)).Concat(runs.CheckRuns.Select(RestMapping.Check)).ToList();
        reviewSnapshots.AddRange(await ReviewStatusesAsync(status.Statuses.Where(s => s.Context == ReviewStatusContext).Select(s => ((string?)s.Creator?.Login, s.State.StringValue, (string?)s.Description, s.CreatedAt)), sha, cancellationToken));

        var deploymentSnapshots = new List<DeploymentSnapshot>();
        foreach (var d in deployments)
        {
            var statuses = await _author.Repository.Deployment.Status.GetAll(Owner, Repo, d.Id).WaitAsync(cancellationToken);
            deploymentSnapshots.Add(RestMapping.Deployment(d, statuses.OrderByDescending(s => s.CreatedAt).FirstOrDefault()));
        }

        return RestMapping.PullRequest(pr, await ActorAsync(pr.User?.Login, cancellationToken)) with
        {
            Reviews = reviewSnapshots,
            Checks = checks,
            Deployments = deploymentSnapshots,
            Files = files.Select(RestMapping.File).ToList(),
        };
    }

    /// <summary>With one identity the reviewer's verdict is an <c>autoship/review</c> status written by us; read it back as a review.</summary>
    private async Task<IReadOnlyList<ReviewSnapshot>> ReviewStatusesAsync(IEnumerable<(string? Creator, string State, string? Description, DateTimeOffset At)> statuses, string sha, CancellationToken cancellationToken)
    {
        if (_reviewer is not null)
        {
            return [];
        }

        var result = new List<ReviewSnapshot>();
        var author = await AuthorLoginAsync(cancellationToken);
        foreach (var s in statuses)
        {
            if (!SameLogin(s.Creator, author))
            {
                continue;
            }

            if (ReviewMarker.ParseStatus(s.State, s.Description) is { } parsed)
            {
                result.Add(new ReviewSnapshot(await ActorAsync(s.Creator, cancellationToken), parsed.State, sha, s.At, parsed.Agent));
            }
        }

        return result;
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
