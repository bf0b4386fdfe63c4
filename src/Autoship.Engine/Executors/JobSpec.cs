using Autoship.Agents;
using Autoship.Core;

namespace Autoship.Engine.Executors;

/// <summary>
/// Everything a worker needs to run one work order, and nothing secret: the frozen work order, the configuration text
/// it was planned with, the commit to start from and the harness's cache repository (where the commit is made).
/// </summary>
/// <param name="ConfigText">The <c>.github/autoship.yml</c> text the order was planned with (the worker re-reads the agent from it).</param>
/// <param name="Repository">The harness's local git repository holding <paramref name="BaseSha"/> (local executors).</param>
/// <param name="StateDirectory">Where the worker keeps runs and worktrees (the orchestrator's state directory).</param>
public sealed record JobSpec(WorkOrder Order, string ConfigText, string BaseSha, string Repository, string StateDirectory)
{
    /// <summary>The job's name: the work order id made safe for a file name or an Actions input (a review adds its head).</summary>
    public string Id => Review is { } review ? JobIds.ForReview(Order, review.PullRequest.HeadSha) : JobIds.For(Order);

    /// <summary>The default branch (the ref a remote executor dispatches its workflow on).</summary>
    public string? Ref { get; init; }

    /// <summary>Set for a review job: the pull request to review (<see cref="BaseSha"/> is then its fork point).</summary>
    public ReviewJob? Review { get; init; }

    /// <summary>
    /// An author job's findings and, when it fixes a PR forward, the PR and the head it continues from (<see cref="BaseSha"/>
    /// is then the PR's fork point): exactly what the inline path hands the agent. Null: a fresh start without findings.
    /// </summary>
    public AuthorContext? AuthorContext { get; init; }

    /// <summary>
    /// Set when the orchestrator shares validations with a local forge's CI and the worker runs on the same machine
    /// (the local executor): the worker then validates a clean checkout of the change's tree as that CI runs it and
    /// records the pass there, exactly as the inline harness does, so the push does not run the entrypoint again.
    /// Null: the worker validates in its worktree.
    /// </summary>
    public SharedLocalCi? SharedValidation { get; init; }

    /// <summary>When the job is due; null: the work order's deadline (an author job).</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The ticket an executor hands back for this spec, dispatched now.</summary>
    public JobTicket Ticket(string kind, DateTimeOffset now) =>
        new(Id, kind, Order.Issue, Order.Id, BaseSha, now, Deadline ?? Order.Deadline, Order)
        {
            PullRequest = Review?.PullRequest.Number,
            HeadSha = Review?.PullRequest.HeadSha,
            FixesPullRequest = AuthorContext?.PullRequest,
            ContinueFrom = AuthorContext?.ContinueFrom,
        };
}

/// <summary>The local forge whose CI a worker validates for (<see cref="JobSpec.SharedValidation"/>), and how that CI runs.</summary>
public sealed record SharedLocalCi(string ForgeDirectory, Forge.Local.LocalForgeOptions Options);

/// <summary>What a review job reviews: the pull request as observed when its review was planned.</summary>
public sealed record ReviewJob(PullRequestSnapshot PullRequest);

/// <summary>Job ids derive from the work order id, so a re-dispatch of the same attempt finds the same job (never two).</summary>
public static class JobIds
{
    public static string For(WorkOrder order) =>
        new string(order.Id.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');

    /// <summary>One review job per reviewed head: a new push is a new review.</summary>
    public static string ForReview(WorkOrder order, string headSha) =>
        For(order) + "-review-" + new string(headSha.Where(char.IsAsciiLetterOrDigit).Take(12).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>
/// The record of a dispatched job, kept in the store (the job ledger) and mirrored on the issue's Autoship comment:
/// which executor runs it, for which work order, from which commit and until when.
/// </summary>
public sealed record JobTicket(string Id, string Kind, int Issue, string WorkOrderId, string BaseSha, DateTimeOffset DispatchedAt, DateTimeOffset Deadline, WorkOrder Order)
{
    /// <summary>The executor's own handle (a process id, a workflow run id), when it has one.</summary>
    public string? Handle { get; init; }

    /// <summary>The pull request a review job reviews; null for an author job.</summary>
    public int? PullRequest { get; init; }

    /// <summary>The head commit a review job reviews.</summary>
    public string? HeadSha { get; init; }

    /// <summary>The pull request an author job fixes forward (its result goes to that PR's branch); null for a fresh attempt.</summary>
    public int? FixesPullRequest { get; init; }

    /// <summary>The PR head a fix-forward author job continues from: its commit goes on top of this one.</summary>
    public string? ContinueFrom { get; init; }

    public bool IsReview => PullRequest is not null;
}
