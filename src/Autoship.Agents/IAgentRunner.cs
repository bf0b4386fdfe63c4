namespace Autoship.Agents;

/// <summary>
/// Runs author and reviewer agents for the reconciler. Agents are untrusted: they work in a worktree with a
/// scrubbed environment; the runner — never the agent — checks the diff and commits. Pushing is the forge's job.
/// </summary>
public interface IAgentRunner
{
    /// <summary>One author attempt: worktree from the base commit, agent, guardrails, validation, commit.</summary>
    Task<AuthorResult> RunAuthorAsync(AuthorRequest request, CancellationToken cancellationToken);

    /// <summary>One review of a pull request's diff; anything but a parsed verdict fails closed.</summary>
    Task<ReviewResult> RunReviewerAsync(ReviewRequest request, CancellationToken cancellationToken);
}
