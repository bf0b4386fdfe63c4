using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Forge;
using Microsoft.Extensions.Logging;

namespace Autoship.Engine.Reconcile;

public sealed partial class Reconciler
{
    private Task<ActionResult> ApplyAsync(PlannedAction action, TickContext context, CancellationToken cancellationToken) =>
        GuardAsync(action, () => action switch
        {
            ReleaseClaim release => ReleaseAsync(release, cancellationToken),
            BlockItem block => BlockAsync(block, cancellationToken),
            StopWork stop => StopAsync(stop, cancellationToken),
            ReviewPullRequest review => ReviewAsync(review, context, cancellationToken),
            SyncLabels labels => SyncLabelsAsync(labels, cancellationToken),
            PublishGate gate => PublishGateAsync(gate, cancellationToken),
            MergePullRequest merge => MergeAsync(merge, context, cancellationToken),
            CloseResolved close => CloseAsync(close, cancellationToken),
            UpdateComment comment => CommentAsync(comment, cancellationToken),
            ReportMainRed red => ReportMainRedAsync(red, cancellationToken),
            CloseMainRed green => CloseMainRedAsync(green, cancellationToken),
            _ => Task.FromResult(Done(action, ActionOutcome.Skipped, "not applied here")),
        });

    /// <summary>Runs one action's forge work; a refusal by the forge becomes a failed result with its reason, not a crash.</summary>
    private async Task<ActionResult> GuardAsync(PlannedAction action, Func<Task<ActionResult>> apply)
    {
        using var activity = Activity.StartActivity("autoship.action." + action.Kind);
        activity?.SetTag("autoship.issue", action.Issue);
        try
        {
            return await apply();
        }
        catch (ForgeException e)
        {
            LogActionFailed(logger, action.Kind, forge.Name, action.Issue, e.Message);
            return new ActionResult(action, ActionOutcome.Failed, $"{action.Describe()} — the forge refused: {e.Message}", [.. action.Reasons, new Reason(e.Code, e.Message)]);
        }
    }

    private async Task<ActionResult> ReleaseAsync(ReleaseClaim release, CancellationToken cancellationToken)
    {
        if (release.PullRequest is { } pr)
        {
            await ClosePullRequestAsync(pr, cancellationToken);
        }

        await forge.RemoveLabelAsync(release.Issue, Labels.Claimed, cancellationToken);
        return Done(release);
    }

    private async Task<ActionResult> BlockAsync(BlockItem block, CancellationToken cancellationToken)
    {
        if (block.PullRequest is { } pr)
        {
            await ClosePullRequestAsync(pr, cancellationToken);
        }

        await forge.AddLabelsAsync(block.Issue, [Labels.Blocked], cancellationToken);
        await forge.RemoveLabelAsync(block.Issue, Labels.Claimed, cancellationToken);
        await forge.ReleaseClaimsAsync(block.Issue, cancellationToken);
        return Done(block);
    }

    private async Task<ActionResult> StopAsync(StopWork stop, CancellationToken cancellationToken)
    {
        if (stop.PullRequest is { } pr)
        {
            await ClosePullRequestAsync(pr, cancellationToken);
        }

        await forge.RemoveLabelAsync(stop.Issue, Labels.Claimed, cancellationToken);
        var previous = ItemMemoryCodec.Decode(await forge.FindCommentAsync(stop.Issue, ItemMemory.Marker, cancellationToken)) ?? ItemMemory.Empty;
        var memory = previous with { Phase = ItemPhase.Stopped, Reasons = stop.Reasons };
        await forge.UpsertCommentAsync(stop.Issue, ItemMemory.Marker, CommentRenderer.Render(stop.Issue, memory, "work stopped", [], stop.PullRequest, clock.GetUtcNow()), cancellationToken);
        await forge.ReleaseClaimsAsync(stop.Issue, cancellationToken);
        return Done(stop);
    }

    private async Task ClosePullRequestAsync(int number, CancellationToken cancellationToken)
    {
        var pr = await forge.GetPullRequestAsync(number, cancellationToken);
        if (pr is { Open: true })
        {
            await forge.ClosePullRequestAsync(number, cancellationToken);
        }

        if (pr is not null && !pr.Merged && pr.HeadBranch.StartsWith(BranchNames.Prefix, StringComparison.Ordinal))
        {
            await forge.DeleteBranchAsync(pr.HeadBranch, cancellationToken);
        }
    }

    private async Task<ActionResult> SyncLabelsAsync(SyncLabels labels, CancellationToken cancellationToken)
    {
        if (labels.Add.Count > 0)
        {
            await forge.AddLabelsAsync(labels.PullRequest, labels.Add, cancellationToken);
        }

        foreach (var label in labels.Remove)
        {
            await forge.RemoveLabelAsync(labels.PullRequest, label, cancellationToken);
        }

        return Done(labels);
    }

    private async Task<ActionResult> PublishGateAsync(PublishGate gate, CancellationToken cancellationToken)
    {
        var url = options.DashboardUrl is null ? null : $"{options.DashboardUrl.TrimEnd('/')}/items/{gate.Issue}";
        await forge.SetCommitStatusAsync(gate.HeadSha, new CommitStatus(Planner.GateContext, Planner.StatusOf(gate.Decision.Verdict), gate.Decision.Summary, url), cancellationToken);
        // The summary starts with the verdict ("merge (lane A safe): …"): said once, not "gate merge: merge".
        return Done(gate, message: $"#{gate.Issue}: PR #{gate.PullRequest} gate: {gate.Decision.Summary}");
    }

    /// <summary>
    /// The forge closes the issue in the merge itself ("Fixes #N") and a closed issue is never observed again, so the
    /// final comment, the claim refs and the claim label are settled BEFORE the merge. A refused merge leaves the PR open, and
    /// the next pass (level-triggered) writes the comment the PR's phase calls for; putting the old one back here could
    /// overwrite the final comment of a merge another orchestrator just made.
    /// </summary>
    private async Task<ActionResult> MergeAsync(MergePullRequest merge, TickContext context, CancellationToken cancellationToken)
    {
        var memory = (context.Memories.GetValueOrDefault(merge.Issue) ?? ItemMemory.Empty) with { Phase = ItemPhase.Merged, Lane = merge.Lane, Reasons = merge.Reasons };
        await forge.UpsertCommentAsync(merge.Issue, ItemMemory.Marker,
            CommentRenderer.Render(merge.Issue, memory, $"merged in #{merge.PullRequest}", [], merge.PullRequest, clock.GetUtcNow()), cancellationToken);
        await forge.ReleaseClaimsAsync(merge.Issue, cancellationToken);
        // The open PR carries the work from here; the label goes now so that a closed issue never keeps a claim.
        await forge.RemoveLabelAsync(merge.Issue, Labels.Claimed, cancellationToken);
        var result = await forge.MergeAsync(merge.PullRequest, merge.HeadSha, $"{merge.Title} (#{merge.PullRequest})",
            $"Fixes #{merge.Issue}\n\nMerged by Autoship: " + string.Join("; ", merge.Reasons.Select(r => r.Message)), cancellationToken);

        return result.Outcome switch
        {
            MergeOutcome.Merged => Done(merge, message: $"{merge.Describe()}: merged as {result.MergeCommitSha?[..Math.Min(7, result.MergeCommitSha.Length)]}"),
            MergeOutcome.Enqueued => Done(merge, ActionOutcome.Enqueued, $"{merge.Describe()}: added to the merge queue"
                + (result.Reasons.Count > 0 ? " (" + string.Join("; ", result.Reasons.Select(r => r.Message)) + ")" : string.Empty)),
            MergeOutcome.BranchUpdated => new ActionResult(merge, ActionOutcome.Ok, $"{merge.Describe()}: not merged yet — " + string.Join("; ", result.Reasons.Select(r => r.Message)), [.. result.Reasons, .. merge.Reasons]),
            _ => new ActionResult(merge, ActionOutcome.Refused, $"{merge.Describe()}: the forge refused the merge", [.. merge.Reasons, .. result.Reasons]),
        };
    }

    /// <summary>Runs after the plan's final comment (see <c>Planner.PlanIssue</c>): label, claim refs, then the close.</summary>
    private async Task<ActionResult> CloseAsync(CloseResolved close, CancellationToken cancellationToken)
    {
        await forge.RemoveLabelAsync(close.Issue, Labels.Claimed, cancellationToken);
        await forge.ReleaseClaimsAsync(close.Issue, cancellationToken);
        var issue = await forge.GetIssueAsync(close.Issue, cancellationToken);
        if (issue is { Open: true })
        {
            await forge.CloseIssueAsync(close.Issue, cancellationToken);
        }

        return Done(close);
    }

    private async Task<ActionResult> CommentAsync(UpdateComment comment, CancellationToken cancellationToken)
    {
        // Planned from an observation that may be stale: another orchestrator may have merged and closed the item
        // since, and its final comment must not be overwritten by an older phase.
        if (comment.Memory.Phase != ItemPhase.Merged && await forge.GetIssueAsync(comment.Issue, cancellationToken) is { Open: false })
        {
            return Done(comment, ActionOutcome.Skipped, $"#{comment.Issue}: closed since it was observed; its final comment stays");
        }

        var body = CommentRenderer.Render(comment.Issue, comment.Memory, comment.Headline, comment.HumanActions, comment.PullRequest, clock.GetUtcNow());
        await forge.UpsertCommentAsync(comment.Issue, ItemMemory.Marker, body, cancellationToken);
        return Done(comment);
    }

    private static ActionResult Done(PlannedAction action, ActionOutcome outcome = ActionOutcome.Ok, string? message = null) =>
        new(action, outcome, message ?? action.Describe(), action.Reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} on {Repo}#{Issue} failed: {Error}")]
    private static partial void LogActionFailed(ILogger logger, string kind, string repo, int issue, string error);
}
