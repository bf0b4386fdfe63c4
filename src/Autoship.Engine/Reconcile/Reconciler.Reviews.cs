using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Executors;
using Autoship.Forge;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// Reviews as jobs, like authors: the tick claims the review, dispatches it to the executor and ends; a later tick
/// collects the verdict, checks it is the dispatched review (work order, fork point, head) of the PR as it still is,
/// and only then the harness posts it. A review job that is lost or past its deadline fails closed (changes requested,
/// as a reviewer that crashed inline would).
/// </summary>
public sealed partial class Reconciler
{
    private async Task<ActionResult> DispatchReviewAsync(ReviewPullRequest review, PullRequestSnapshot pr, string forkPoint, AgentDefinition reviewer, TickContext context, CancellationToken cancellationToken)
    {
        var config = context.Config!;
        var configText = options.ConfigOverride is null ? context.Snapshot.ConfigText : options.ConfigOverrideText;
        var executor = options.Executors!(config.Executor);
        if (executor is null || configText is null)
        {
            var why = executor is null
                ? new Reason("executor-unavailable", $"executor.kind is {config.Executor.Kind}, which this orchestrator cannot run; the review waits (nothing runs inline instead)")
                : new Reason("executor-no-config", "the configuration's text is not available to hand to a worker");
            return new ActionResult(review, ActionOutcome.Refused, $"{review.Describe()}: {why.Message}", [why]);
        }

        var spec = new JobSpec(review.Order, configText, forkPoint, Cache.Path, options.StateDirectory)
        {
            Ref = context.Snapshot.DefaultBranch,
            Review = new ReviewJob(pr),
            Deadline = clock.GetUtcNow() + reviewer.Timeout,
        };
        var ticket = await executor.DispatchAsync(spec, cancellationToken);
        await Ledger.AddAsync(ticket, CancellationToken.None);
        return new ActionResult(review, ActionOutcome.Ok, $"{review.Describe()}: dispatched as job {ticket.Id} ({ticket.Kind})",
            [.. review.Reasons, new Reason("job-dispatched", $"the review runs as job {ticket.Id} on the {ticket.Kind} executor; due by {ticket.Deadline:u}")]);
    }

    /// <summary>Posts a finished review job's verdict, or a failed-closed one when the job is lost or overdue.</summary>
    private async Task<ActionResult> CollectReviewAsync(ReviewPullRequest review, JobTicket ticket, JobStatus status, CancellationToken cancellationToken)
    {
        var head = review.HeadSha;
        var now = clock.GetUtcNow();
        string? problem = status.State switch
        {
            JobState.Running => $"review job {ticket.Id} was still running at its deadline {ticket.Deadline:u}: stopped",
            JobState.Lost => status.Detail ?? $"review job {ticket.Id} was lost",
            _ => VerifyReview(ticket, status.Output),
        };

        var pr = await forge.GetPullRequestAsync(review.PullRequest, cancellationToken);
        if (pr is not { Open: true } || pr.HeadSha != head)
        {
            return new ActionResult(review, ActionOutcome.Skipped, $"{review.Describe()}: the PR changed while its review ran; the next pass reviews its new head", review.Reasons);
        }

        if (pr.Reviews.Any(r => r.Agent == ticket.Order.Reviewer && r.CommitSha == head && r.State is ReviewState.Approved or ReviewState.ChangesRequested))
        {
            return new ActionResult(review, ActionOutcome.Skipped, $"{review.Describe()}: {ticket.Order.Reviewer} already reviewed head {head[..Math.Min(7, head.Length)]}; nothing reviewed twice", review.Reasons);
        }

        var result = problem is null ? status.Output!.Review! : FailedClosed(ticket, problem, now);
        return await SubmitReviewAsync(review, pr, ticket.Order.Reviewer, result, await PatchIdOrNullAsync(ticket.BaseSha, head, cancellationToken), cancellationToken);
    }

    /// <summary>The reviewed diff's patch-id from the repository cache (the review job's fork point to its head), or null when the cache lacks them.</summary>
    private async Task<string?> PatchIdOrNullAsync(string forkPoint, string head, CancellationToken cancellationToken)
    {
        try
        {
            return await Cache.PatchIdAsync(forkPoint, head, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static ReviewPullRequest ReviewOf(JobTicket ticket) =>
        new(ticket.Order, ticket.PullRequest!.Value, ticket.HeadSha!, Because.One("job-collected", $"review job {ticket.Id} ({ticket.Kind}) ended"));

    /// <summary>A verdict is posted only for the review it was dispatched as: same work order, fork point and head.</summary>
    private static string? VerifyReview(JobTicket ticket, JobResult? output) =>
        output?.Review is not { } review ? $"review job {ticket.Id} handed back no review{(output?.Error is { } error ? ": " + error : string.Empty)}"
        : output.WorkOrderId != ticket.WorkOrderId || review.Run.WorkOrderId != ticket.WorkOrderId ? $"review job {ticket.Id} handed back a review of work order {review.Run.WorkOrderId}, not {ticket.WorkOrderId}: refused"
        : output.BaseSha != ticket.BaseSha ? $"review job {ticket.Id} reviewed from {output.BaseSha}, not the dispatched fork point {ticket.BaseSha}: refused"
        : review.Run.Role != AgentRole.Reviewer ? $"review job {ticket.Id}'s run record is not a review: refused"
        : null;

    private static ReviewResult FailedClosed(JobTicket ticket, string problem, DateTimeOffset now)
    {
        IReadOnlyList<Finding> findings = [new Finding("review", "error", problem)];
        var run = new RunRecord(ticket.Id, ticket.Issue, ticket.Order.Attempt, ticket.Order.Reviewer, AgentRole.Reviewer, ticket.WorkOrderId, [], ticket.DispatchedAt, now,
            "FailedClosed: " + problem, null, string.Empty, null, null, null, null);
        return new ReviewResult(ReviewVerdict.RequestChanges, findings, ReviewBody.Render(ticket.Order.Reviewer, ReviewVerdict.RequestChanges, findings, problem), true, run);
    }
}
