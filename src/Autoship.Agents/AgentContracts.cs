using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge;

namespace Autoship.Agents;

/// <param name="Repository">A local git repository (the harness's cache clone) holding <paramref name="BaseSha"/>; the commit is made there.</param>
public sealed record AuthorRequest(WorkOrder Order, AgentDefinition Agent, AutoshipConfig Config, string Repository, string BaseSha)
{
    /// <summary>
    /// Fix forward: the PR head the attempt continues from (the worktree starts there and the commit goes on top of
    /// it); the guardrails still see the whole change against <see cref="BaseSha"/>. Null: a fresh start at the base.
    /// </summary>
    public string? ContinueFrom { get; init; }

    /// <summary>
    /// The forge's CI, when it can share a validation: the harness then validates a clean checkout of the change as CI
    /// runs it, and CI reuses the pass. Null: the harness runs the validation in the agent's worktree, on its own.
    /// </summary>
    public ISharedValidation? SharedValidation { get; init; }
}

public enum AttemptOutcome
{
    /// <summary>The change passed the guardrails (and validation when configured) and is committed on the branch.</summary>
    Committed,
    NoChanges,
    GuardrailViolation,
    ValidationFailed,
    AgentFailed,
    TimedOut,
    Cancelled,
}

/// <param name="CommitSha">The commit on <see cref="WorkOrder.Branch"/> in the request's repository, when committed.</param>
public sealed record AuthorResult(AttemptOutcome Outcome, IReadOnlyList<Reason> Reasons, string? CommitSha, IReadOnlyList<ChangedFile> Files, RunRecord Run);

/// <param name="Repository">A local git repository holding both the base and the PR head commits.</param>
public sealed record ReviewRequest(WorkOrder Order, AgentDefinition Reviewer, AgentDefinition Author, PullRequestSnapshot PullRequest, string BaseSha, AutoshipConfig Config, string Repository);

/// <summary>One finding of a review, on the seed's rubric: scope, ownership, validation, drift.</summary>
public sealed record Finding(string Rubric, string Severity, string Message, string? Path = null);

/// <param name="FailedClosed">True when the verdict is "not approved" because the reviewer crashed, timed out or answered garbage.</param>
public sealed record ReviewResult(ReviewVerdict Verdict, IReadOnlyList<Finding> Findings, string Body, bool FailedClosed, RunRecord Run);

/// <summary>What one agent run left behind, for the store, <c>autoship explain</c> and the dashboard.</summary>
public sealed record RunRecord(
    string Id,
    int Issue,
    int Attempt,
    string Agent,
    AgentRole Role,
    string WorkOrderId,
    IReadOnlyList<string> CommandLine,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string ExitReason,
    int? ExitCode,
    string DiffStat,
    string? DiffDigest,
    string? ValidationCommand,
    int? ValidationExitCode,
    string? LogPath)
{
    /// <summary>Tokens, cost and turns the CLI reported (null: it reports none, or the run never started it).</summary>
    public RunUsage? Usage { get; init; }

    /// <summary>Destinations the egress proxy refused (host:port, not on the agent's allow-list); empty without an allow-list.</summary>
    public IReadOnlyList<string> EgressRefused { get; init; } = [];
}
