using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// What an author attempt is told and where it continues, beyond its frozen work order: the findings for its prompt
/// (guardrail or validation reasons, the failing CI log's tail, the reviewer's findings, write-access humans' change
/// requests) and, when it fixes a pull request forward, the PR and the head it continues from. The reconciler builds it
/// once; the inline path and a job (<c>JobSpec</c> → <c>autoship work</c>) turn the same value into the
/// <see cref="AuthorRequest"/>, so an agent sees the same prompt and starts from the same commit under every executor.
/// It travels separately because <see cref="WorkOrder.Feedback"/> is not serialized with the work order.
/// </summary>
public sealed record AuthorContext(IReadOnlyList<FixFeedback> Feedback)
{
    public static AuthorContext Fresh { get; } = new([]);

    /// <summary>The pull request the attempt fixes forward (pushed to its branch, never a new PR); null for a fresh start.</summary>
    public int? PullRequest { get; init; }

    /// <summary>The commit the worktree starts from and the commit goes on top of (the PR head); null: the base.</summary>
    public string? ContinueFrom { get; init; }

    /// <param name="baseSha">What the guardrails measure the whole change against (the PR's fork point when continuing).</param>
    public AuthorRequest Request(WorkOrder order, AgentDefinition agent, AutoshipConfig config, string repository, string baseSha) =>
        new(order with { Feedback = Feedback }, agent, config, repository, baseSha) { ContinueFrom = ContinueFrom };
}
