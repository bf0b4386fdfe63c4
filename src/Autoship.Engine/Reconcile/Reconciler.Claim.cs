using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Explain;
using Autoship.Engine.Store;
using Autoship.Forge;
using Microsoft.Extensions.Logging;

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

    private ClaimBeats? beats;

    /// <summary>The claims this process renews while its agents work (one set per reconciler, emptied at each tick's end).</summary>
    private ClaimBeats Beats => beats ??= new ClaimBeats(forge, clock, logger);

    /// <summary>The claims this tick took over from dead or expired holders: shown among the tick's notices.</summary>
    private readonly List<Reason> claimTakeovers = [];

    /// <summary>
    /// A stable id of this orchestrator: kept in the store, so replicas sharing a store (serialised by its lease) are
    /// one orchestrator, and orchestrators with different stores are different ones; and kept beside the store in the
    /// state directory, so an orchestrator whose store was lost still knows the claims it holds. Read under the lease.
    /// The kept file is named after the store's location (<see cref="ReconcilerOptions.StoreLocation"/>): a store that
    /// is new at another location is another orchestrator, even in the same state directory.
    /// </summary>
    private async Task<string> OrchestratorIdAsync(CancellationToken cancellationToken)
    {
        if (orchestratorId is { } known)
        {
            return known;
        }

        var file = Path.Combine(options.StateDirectory, KeptIdFile(options.StoreLocation));
        var kept = File.Exists(file) ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : null;
        var id = await store.GetSettingAsync(forge.Name, OrchestratorIdSetting, cancellationToken);
        if (string.IsNullOrWhiteSpace(id))
        {
            id = string.IsNullOrWhiteSpace(kept) ? $"{LeaseHolder.Host}/{Guid.NewGuid():N}" : kept;
            await store.SetSettingAsync(forge.Name, OrchestratorIdSetting, id, cancellationToken);
        }

        if (kept != id)
        {
            Directory.CreateDirectory(options.StateDirectory);
            await File.WriteAllTextAsync(file, id, cancellationToken);
        }

        return orchestratorId = id;
    }

    /// <summary><c>orchestrator-id</c>, or <c>orchestrator-id.HASH</c> of the store location (no secret of a connection string is written).</summary>
    internal static string KeptIdFile(string? storeLocation) => storeLocation is null
        ? OrchestratorIdSetting
        : OrchestratorIdSetting + "." + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(storeLocation)))[..16];

    /// <summary>How many dead or expired holders of one key are taken over in one call before giving up (the next tick goes on).</summary>
    private const int MaxTakeoversPerClaim = 4;

    /// <summary>
    /// Takes <paramref name="claimFor"/>'s ref on the forge for this orchestrator; a skip result when another one holds it.
    /// A foreign claim whose holder is provably dead (or older than loop.claimTimeout) and that never got recorded on the
    /// issue is taken over by creating the key's next generation (<see cref="ClaimTakeoverPolicy"/>).
    /// <paramref name="progressed"/> re-reads the item; it runs after the dead-holder check, so a holder that got
    /// further before it died is always seen.
    /// </summary>
    private async Task<ActionResult?> ClaimOnForgeAsync(PlannedAction action, Func<string, ForgeClaim> claimFor, Func<Task<bool>> progressed, string what,
        bool inline, LoopSettings loop, CancellationToken cancellationToken)
    {
        var holder = await OrchestratorIdAsync(cancellationToken);
        // An agent running inside this tick is renewed by it (ClaimBeats) for as long as the tick lives.
        var claim = claimFor(holder) with { Process = options.Holder, Since = clock.GetUtcNow(), Inline = inline, HeartbeatInterval = inline ? loop.ClaimHeartbeat : null };
        for (var takeovers = 0; ; takeovers++)
        {
            var result = await forge.ClaimAsync(claim, cancellationToken);
            var foreignRef = (claim with { Generation = result.Generation }).Ref;
            var dead = result.Process is { } process && LeaseHolder.IsProvablyDead(process);
            var heartbeat = result is { HeartbeatInterval: { } interval } && (result.Renewed ?? result.Since) is { } renewed
                ? new ClaimHeartbeat(interval, renewed, result.Finished)
                : null;
            if (result.IsHeldBy(holder))
            {
                var own = result.Created ? null : OwnClaimPolicy.Evaluate(
                    new OwnClaim(foreignRef, result.Process, string.Equals(result.Process, options.Holder, StringComparison.Ordinal), dead, heartbeat), clock.GetUtcNow());
                if (own is { TakeOver: false })
                {
                    return new ActionResult(action, ActionOutcome.Skipped, $"#{claim.Issue}: {what} runs in another process of this orchestrator; not started twice", own.Reasons);
                }

                Beats.Hold(claim with { Generation = result.Generation });
                return null;
            }

            var foreign = new ForeignClaim(foreignRef, result.Holder, result.Process, result.Since, dead, await progressed(), result.Inline, heartbeat);
            var decision = ClaimTakeoverPolicy.Evaluate(foreign, clock.GetUtcNow(), loop);
            if (!decision.TakeOver || takeovers >= MaxTakeoversPerClaim)
            {
                return new ActionResult(action, ActionOutcome.Skipped, $"#{claim.Issue}: {what} is claimed on the forge by another orchestrator; not started here",
                    decision.TakeOver ? Because.One("claim-taken", $"{foreignRef}: {MaxTakeoversPerClaim} dead holders taken over in a row; the next tick goes on") : decision.Reasons);
            }

            logger.LogWarning("#{Issue}: {Reason}", claim.Issue, decision.Reasons[0].Message);
            claimTakeovers.AddRange(decision.Reasons);
            claim = claim with { Generation = result.Generation + 1 };
        }
    }

    private Task<ActionResult?> ClaimAttemptAsync(StartAttempt start, TickContext context, CancellationToken cancellationToken)
    {
        var order = start.Order;
        async Task<bool> ProgressedAsync()
        {
            // The holder recorded this attempt (comment and label: it may have handed the work to a detached job) or got further.
            var issue = await forge.GetIssueAsync(order.Issue, cancellationToken);
            var memory = ItemMemoryCodec.Decode(await forge.FindCommentAsync(order.Issue, ItemMemory.Marker, cancellationToken));
            return issue is not { Open: true }
                || (memory is { } m && m.Attempt == order.Attempt
                    && (m.Phase is ItemPhase.PullRequest or ItemPhase.Held or ItemPhase.Merged || (m.Phase == ItemPhase.Claimed && issue.HasLabel(Labels.Claimed))));
        }

        return ClaimOnForgeAsync(start, holder => ForgeClaim.ForAttempt(order.Issue, order.Attempt, holder, context.Snapshot.DefaultBranch),
            ProgressedAsync, $"attempt {order.Attempt}", RunsInline(context.Config!), context.Config!.Loop, cancellationToken);
    }

    // A review runs inside the tick that claimed it, and the PR is re-read after the claim (a review already posted is not run twice).
    private Task<ActionResult?> ClaimReviewAsync(ReviewPullRequest review, TickContext context, CancellationToken cancellationToken) =>
        ClaimOnForgeAsync(review, holder => ForgeClaim.ForReview(review.Issue, review.HeadSha, holder, context.Snapshot.DefaultBranch),
            () => Task.FromResult(false), $"the review of {review.HeadSha[..Math.Min(7, review.HeadSha.Length)]}", RunsInline(context.Config!), context.Config!.Loop, cancellationToken);

    /// <summary>Agents run inside this process (no executors, or executor.kind inline), so the claim dies with it.</summary>
    private bool RunsInline(AutoshipConfig config) => options.Executors is null || config.Executor.Kind == ExecutorSettings.Inline;

    /// <summary>Records the claim where every later tick sees it (comment first, then label and assignee).</summary>
    private async Task RecordClaimAsync(WorkOrder order, AgentDefinition agent, ItemMemory memory, CancellationToken cancellationToken)
    {
        // A fix forward after a failing check says what the check's log said: the reason this attempt runs.
        var failure = order.Feedback.FirstOrDefault(f => f.Source == FixFeedback.Ci) is { } ci
            ? await FailureLogs.FromLogAsync(ci.From, ci.Url, null, cancellationToken)
            : null;
        await forge.UpsertCommentAsync(order.Issue, ItemMemory.Marker,
            CommentRenderer.Render(order.Issue, memory, $"claimed by {order.Owner}", [], null, clock.GetUtcNow(), failure), cancellationToken);
        await forge.AddLabelsAsync(order.Issue, [Labels.Claimed], cancellationToken);
        if (agent.Login is { } login)
        {
            await forge.SetAssigneesAsync(order.Issue, [login], cancellationToken);
        }
    }
}
