using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Forge;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// The claim step, in the order that leaves every prefix recognisable after a kill:
/// 1. the exclusive claim ref on the forge (<see cref="IForge.ClaimAsync"/>; a lost compare-and-set dispatches nothing),
/// 2. the state comment with phase <c>claimed</c> (who, which attempt, since when),
/// 3. the <c>autonomy:claimed</c> label and the assignee.
/// A tick killed after 1 finds the ref held by its own orchestrator id and goes on; killed after 2, the planner
/// re-dispatches the same attempt number (the comment says claimed, the label is missing) and the ref is again its own.
/// </summary>
public sealed partial class Reconciler
{
    /// <summary>The store setting that names this orchestrator on the forge's claim refs.</summary>
    public const string OrchestratorIdSetting = "orchestrator-id";

    private string? orchestratorId;

    /// <summary>
    /// A stable id of this orchestrator: kept in the store, so replicas sharing a store (serialised by its lease) are
    /// one orchestrator, and orchestrators with different stores are different ones; and kept beside the store in the
    /// state directory, so an orchestrator whose store was lost still knows the claims it holds. Read under the lease.
    /// </summary>
    private async Task<string> OrchestratorIdAsync(CancellationToken cancellationToken)
    {
        if (orchestratorId is { } known)
        {
            return known;
        }

        var file = Path.Combine(options.StateDirectory, OrchestratorIdSetting);
        var kept = File.Exists(file) ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : null;
        var id = await store.GetSettingAsync(forge.Name, OrchestratorIdSetting, cancellationToken);
        if (string.IsNullOrWhiteSpace(id))
        {
            id = string.IsNullOrWhiteSpace(kept) ? $"{Environment.MachineName}/{Guid.NewGuid():N}" : kept;
            await store.SetSettingAsync(forge.Name, OrchestratorIdSetting, id, cancellationToken);
        }

        if (kept != id)
        {
            Directory.CreateDirectory(options.StateDirectory);
            await File.WriteAllTextAsync(file, id, cancellationToken);
        }

        return orchestratorId = id;
    }

    /// <summary>Takes <paramref name="claim"/>'s ref on the forge for this orchestrator; a skip result when another one holds it.</summary>
    private async Task<ActionResult?> ClaimOnForgeAsync(PlannedAction action, Func<string, ForgeClaim> claimFor, string what, CancellationToken cancellationToken)
    {
        var holder = await OrchestratorIdAsync(cancellationToken);
        var claim = claimFor(holder);
        var result = await forge.ClaimAsync(claim, cancellationToken);
        if (result.IsHeldBy(holder))
        {
            return null;
        }

        return new ActionResult(action, ActionOutcome.Skipped, $"#{claim.Issue}: {what} is claimed on the forge by another orchestrator; not started here",
            Because.One("claim-taken", $"{claim.Ref} is held by {result.Holder ?? "an unknown holder"}, not by this orchestrator ({holder}): only one orchestrator runs an agent for it"));
    }

    private Task<ActionResult?> ClaimAttemptAsync(StartAttempt start, TickContext context, CancellationToken cancellationToken) =>
        ClaimOnForgeAsync(start, holder => ForgeClaim.ForAttempt(start.Order.Issue, start.Order.Attempt, holder, context.Snapshot.DefaultBranch),
            $"attempt {start.Order.Attempt}", cancellationToken);

    private Task<ActionResult?> ClaimReviewAsync(ReviewPullRequest review, TickContext context, CancellationToken cancellationToken) =>
        ClaimOnForgeAsync(review, holder => ForgeClaim.ForReview(review.Issue, review.HeadSha, holder, context.Snapshot.DefaultBranch),
            $"the review of {review.HeadSha[..Math.Min(7, review.HeadSha.Length)]}", cancellationToken);

    /// <summary>Records the claim where every later tick sees it (comment first, then label and assignee).</summary>
    private async Task RecordClaimAsync(WorkOrder order, Autoship.Core.Config.AgentDefinition agent, ItemMemory memory, CancellationToken cancellationToken)
    {
        await forge.UpsertCommentAsync(order.Issue, ItemMemory.Marker,
            CommentRenderer.Render(order.Issue, memory, $"claimed by {order.Owner}", [], null, clock.GetUtcNow()), cancellationToken);
        await forge.AddLabelsAsync(order.Issue, [Labels.Claimed], cancellationToken);
        if (agent.Login is { } login)
        {
            await forge.SetAssigneesAsync(order.Issue, [login], cancellationToken);
        }
    }
}
