using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Explain;
using Autoship.Engine.Git;
using Autoship.Engine.Store;
using Autoship.Forge;

namespace Autoship.Engine.Reconcile;

public sealed partial class Reconciler
{
    private RepositoryCache Cache => new(Path.Combine(options.StateDirectory, "cache", "repo.git"));

    /// <summary>The forge's CI when it reuses a validation the harness ran on a clean checkout (the local forge with CI on).</summary>
    private ISharedValidation? SharedValidation => options.ShareValidation && forge is ISharedValidation { SharesValidation: true } shared ? shared : null;

    /// <summary>An attempt whose claim is made and whose agent may run.</summary>
    private sealed record PreparedAttempt(StartAttempt Start, AgentDefinition Agent, IssueSnapshot Issue, ItemMemory Memory);

    /// <summary>
    /// Starts a pass's attempts: claims them all first (so the forge shows every claim at once), then runs each agent
    /// and pushes and opens its PR. Agents run one after another in this version: the planner keeps a pass within
    /// loop.maxConcurrent, so a tick's duration grows with the number of attempts it starts.
    /// </summary>
    private async Task RunAttemptsAsync(IReadOnlyList<StartAttempt> starts, TickContext context, Func<PlannedAction, ActionResult, Task> record, TickProgress progress, CancellationToken cancellationToken)
    {
        var prepared = new List<PreparedAttempt>();
        foreach (var start in starts)
        {
            PreparedAttempt? ready = null;
            progress.Begin(start);
            var skipped = await GuardAsync(start, async () =>
            {
                var outcome = await PrepareAttemptAsync(start, context, cancellationToken);
                ready = outcome.Prepared;
                return outcome.Result ?? Done(start);
            });
            if (ready is null)
            {
                await record(start, skipped);
            }
            else
            {
                prepared.Add(ready);
            }
        }

        if (prepared.Count == 0)
        {
            return;
        }

        // One fetch of the default branch serves every attempt of the pass: they all start from the same commit.
        var config = context.Config!;
        var remote = await forge.GetGitRemoteAsync(cancellationToken);
        var baseSha = await Cache.SyncAsync(remote, context.Snapshot.DefaultBranch, cancellationToken);
        if (options.Executors is not null && config.Executor.Kind != ExecutorSettings.Inline)
        {
            await DispatchJobsAsync(prepared, baseSha, remote, context, record, cancellationToken);
            return;
        }

        foreach (var p in prepared)
        {
            var (author, from) = await AuthorContextAsync(p.Start, baseSha, remote, context, cancellationToken);
            // A forge whose CI shares validations gets the harness's run on a clean checkout, so CI does not run that tree again.
            var request = author.Request(p.Start.Order, p.Agent, config, Cache.Path, from) with { SharedValidation = SharedValidation };
            var result = await runner.RunAuthorAsync(request, cancellationToken);
            await store.SaveRunAsync(forge.Name, result.Run, RunOutcomes.Of(result.Outcome), CancellationToken.None);
            await record(p.Start, await GuardAsync(p.Start, () => FinishAttemptAsync(p, result, remote, context, CancellationToken.None)));
        }
    }

    /// <summary>
    /// What the attempt's agent is told and where it starts, the same inline and as a job: a fix forward continues
    /// from the PR's head (fetched into the cache), the guardrails see the whole change against its fork point, and a
    /// failing check's log tail goes into its findings, and so do the PR comments of write-access humans made since the
    /// previous attempt (<see cref="HumanComments"/>). Returns the context and the commit the change is measured from.
    /// </summary>
    private async Task<(AuthorContext Context, string BaseSha)> AuthorContextAsync(StartAttempt start, string baseSha, GitRemote remote, TickContext context, CancellationToken cancellationToken)
    {
        if (start.ContinueFrom is not { } head)
        {
            return (new AuthorContext(start.Order.Feedback) { PullRequest = start.PullRequest }, baseSha);
        }

        await Cache.FetchBranchAsync(remote, start.Order.Branch, cancellationToken);
        var order = await CiLogTail.AppendAsync(start.Order, cancellationToken);
        var feedback = order.Feedback;
        if (start.PullRequest is { } number && start.CommentsSince is { } since)
        {
            var notHuman = context.Snapshot.HarnessLogins.Concat(context.Config?.Agents.Select(a => a.Login).OfType<string>() ?? []).ToList();
            var comments = HumanComments.Feedback(await forge.ListPullRequestCommentsAsync(number, cancellationToken), since, notHuman);
            feedback = [.. feedback, .. comments];
        }

        var forkPoint = await Cache.MergeBaseAsync(baseSha, head, cancellationToken);
        return (new AuthorContext(feedback) { PullRequest = start.PullRequest, ContinueFrom = head }, forkPoint);
    }

    private async Task<(PreparedAttempt? Prepared, ActionResult? Result)> PrepareAttemptAsync(StartAttempt start, TickContext context, CancellationToken cancellationToken)
    {
        var order = start.Order;
        var config = context.Config ?? throw new InvalidOperationException("no configuration");
        var agent = config.Agent(order.Owner) ?? throw new InvalidOperationException($"agent {order.Owner} is not configured");

        // Re-read the item right before dispatching: a closed or unlabeled issue stops here.
        var fresh = await forge.GetIssueAsync(order.Issue, cancellationToken);
        if (fresh is null || !fresh.Open || !(fresh.HasLabel(Labels.Ready) || fresh.HasLabel(Labels.Claimed)) || fresh.HasLabel(Labels.Blocked))
        {
            if (fresh is { } f && f.HasLabel(Labels.Claimed))
            {
                await forge.RemoveLabelAsync(order.Issue, Labels.Claimed, cancellationToken);
            }

            return (null, new ActionResult(start, ActionOutcome.Skipped, $"#{order.Issue}: not dispatched — the issue was closed or unlabeled since it was observed",
                Because.One("issue-changed", "the issue was closed, blocked or lost autonomy:ready before the agent started")));
        }

        if (await ClaimAttemptAsync(start, context, cancellationToken) is { } taken)
        {
            return (null, taken);
        }

        var remembered = context.Memories.GetValueOrDefault(order.Issue);
        var claimedAt = remembered is { Phase: ItemPhase.Claimed, ClaimedAt: { } at } && remembered.Attempt == order.Attempt ? at : clock.GetUtcNow();
        var memory = new ItemMemory(ItemPhase.Claimed, order.Owner, order.Reviewer, order.Attempt, start.Resume ? remembered?.ClaimedAt ?? claimedAt : claimedAt, order.Lane, start.Reasons)
        {
            Refusals = remembered?.Refusals ?? 0,
        };
        if (remembered is not null && start.PullRequest is null && order.Feedback.Count == 0 && FailurePolicy.CarriedFeedback(remembered) is { Count: > 0 } carried)
        {
            // The previous attempt was refused: this one is told why, once (a second refusal blocks the item).
            start = start with { Order = order with { Feedback = carried } };
        }

        if (!start.Resume)
        {
            await RecordClaimAsync(order, agent, memory, cancellationToken);
        }

        await store.SaveWorkOrderAsync(order, cancellationToken);
        return (new PreparedAttempt(start, agent, fresh, memory), null);
    }

    private async Task<ActionResult> FinishAttemptAsync(PreparedAttempt prepared, AuthorResult result, GitRemote remote, TickContext context, CancellationToken cancellationToken)
    {
        var (start, _, fresh, memory) = prepared;
        var order = start.Order;
        if (result.Outcome != AttemptOutcome.Committed || result.CommitSha is null)
        {
            if (start.PullRequest is { } open && await forge.GetPullRequestAsync(open, cancellationToken) is { Open: true })
            {
                // The attempt is used even though nothing was pushed: the PR's work order says so, so maxAttempts ends it.
                await forge.UpdatePullRequestAsync(open, null, WorkOrderCodec.RenderPullRequestBody(order, $"attempt {order.Attempt} failed: {result.Outcome.Wire()}", VerificationEvidence.Section(fresh.Body)), cancellationToken);
            }

            return await FailAttemptAsync(start, memory, result, context.Config!.Loop, cancellationToken);
        }

        if ((await AgentPauses.ReadAsync(store, forge.Name, order.Owner, cancellationToken)).Consecutive > 0)
        {
            await AgentPauses.ClearAsync(store, forge.Name, order.Owner, cancellationToken);
        }

        var cache = Cache;
        var remoteSha = await RepositoryCache.RemoteShaAsync(remote, order.Branch, cache.Path, cancellationToken);
        await forge.PushBranchAsync(cache.Path, order.Branch, remoteSha, cancellationToken);
        var validation = result.Run.ValidationExitCode is not { } code ? "not run by the harness (CI runs it)"
            : SharedValidation is not null ? $"exited {code} on a clean checkout of the change, run as CI runs it (CI reuses the pass)"
            : $"exited {code} in the agent's worktree";
        var evidence = VerificationEvidence.Section(fresh.Body);
        var labels = fresh.Labels.Where(l => Labels.IsArea(l) || Labels.IsRisk(l)).ToList();
        if (fresh.HasLabel(Labels.Safe) && fresh.LastAppliedBy(Labels.Safe) is { CanWrite: true })
        {
            labels.Add(Labels.Safe);
        }

        if (start.PullRequest is { } existing)
        {
            await forge.UpdatePullRequestAsync(existing, null, WorkOrderCodec.RenderPullRequestBody(order, validation, evidence), cancellationToken);
            var pushed = memory with { Phase = ItemPhase.PullRequest, Reasons = Because.One("fixed-forward", $"{order.Owner} pushed attempt {order.Attempt} to PR #{existing}; {order.Reviewer} reviews it next") };
            await forge.UpsertCommentAsync(order.Issue, ItemMemory.Marker, CommentRenderer.Render(order.Issue, pushed, $"PR #{existing} fixed forward (attempt {order.Attempt})", [], existing, clock.GetUtcNow()), cancellationToken);
            return new ActionResult(start, ActionOutcome.Ok, $"{start.Describe()}: pushed {result.CommitSha[..7]} ({result.Run.DiffStat})", start.Reasons);
        }

        var pr = await forge.CreatePullRequestAsync(new NewPullRequest(order.Branch, context.Snapshot.DefaultBranch, order.Title,
            WorkOrderCodec.RenderPullRequestBody(order, validation, evidence), labels), cancellationToken);
        if (order.ReviewerLogin is { } reviewerLogin)
        {
            await forge.RequestReviewersAsync(pr.Number, [reviewerLogin], cancellationToken);
        }

        var opened = memory with { Phase = ItemPhase.PullRequest, Reasons = Because.One("pr-opened", $"{order.Owner} opened PR #{pr.Number}; {order.Reviewer} reviews it next") };
        await forge.UpsertCommentAsync(order.Issue, ItemMemory.Marker, CommentRenderer.Render(order.Issue, opened, $"PR #{pr.Number} opened", [], pr.Number, clock.GetUtcNow()), cancellationToken);
        return new ActionResult(start, ActionOutcome.Ok, $"{start.Describe()}: PR #{pr.Number} opened ({result.Run.DiffStat})", result.Reasons.Count > 0 ? result.Reasons : start.Reasons);
    }

    private async Task<ActionResult> FailAttemptAsync(StartAttempt start, ItemMemory memory, AuthorResult result, LoopSettings loop, CancellationToken cancellationToken)
    {
        var maxAttempts = loop.MaxAttempts;
        var order = start.Order;
        var reasons = result.Reasons.Count > 0 ? result.Reasons : Because.One("attempt-failed", $"the attempt ended: {result.Run.ExitReason}");
        var classified = FailureClassifier.Classify(reasons, await LogTailAsync(result.Run.LogPath, cancellationToken));
        if (FailurePolicy.ClassOf(classified.Code) != FailureClass.Agent && !reasons.Any(r => r.Code == classified.Code))
        {
            reasons = [.. reasons, classified];
        }

        var pauses = await AgentPauses.ReadAsync(store, forge.Name, order.Owner, cancellationToken);
        var decision = FailurePolicy.Decide(reasons, order.Attempt, maxAttempts, memory.Refusals, pauses.Consecutive + 1);
        var blocked = decision.Block;
        var now = clock.GetUtcNow();
        var retryAfter = decision.AgentPause is { } pause ? now + pause : now + RetryBackoff.After(order.Attempt, loop);
        if (decision.AgentPause is { } agentPause)
        {
            await AgentPauses.WriteAsync(store, forge.Name, order.Owner, new AgentPauses.Pause(now + agentPause, pauses.Consecutive + 1, decision.Reasons[^1].Message), cancellationToken);
        }

        var next = memory with
        {
            Phase = blocked ? ItemPhase.Blocked : ItemPhase.Released,
            Attempt = decision.CountsAsAttempt ? order.Attempt : order.Attempt - 1,
            Reasons = decision.Reasons,
            RetryAfter = blocked ? null : retryAfter,
            Refusals = memory.Refusals + (decision.Class == FailureClass.Refusal ? 1 : 0),
        };
        if (blocked)
        {
            await forge.AddLabelsAsync(order.Issue, [Labels.Blocked], cancellationToken);
        }

        await forge.RemoveLabelAsync(order.Issue, Labels.Claimed, cancellationToken);
        var headline = blocked ? "blocked"
            : decision.AgentPause is not null ? $"{order.Owner} paused (model provider error); attempt {order.Attempt} is retried after {next.RetryAfter:yyyy-MM-dd HH:mm} UTC"
            : $"attempt {order.Attempt} failed; attempt {order.Attempt + 1} starts after {next.RetryAfter:yyyy-MM-dd HH:mm} UTC";
        var failure = await FailureLogs.FromRunAsync(result.Run, cancellationToken);
        await forge.UpsertCommentAsync(order.Issue, ItemMemory.Marker,
            CommentRenderer.Render(order.Issue, next, headline, blocked ? Planner.BlockedActions : [], null, clock.GetUtcNow(), failure), cancellationToken);
        if (blocked)
        {
            await forge.ReleaseClaimsAsync(order.Issue, cancellationToken);
        }

        return new ActionResult(start, result.Outcome == AttemptOutcome.GuardrailViolation ? ActionOutcome.Refused : ActionOutcome.Failed,
            $"{start.Describe()}: {result.Outcome.Wire()} — {string.Join("; ", reasons.Select(r => r.Message))}", next.Reasons);
    }

    private static async Task<string> LogTailAsync(string? logPath, CancellationToken cancellationToken)
    {
        if (logPath is null || !File.Exists(logPath))
        {
            return string.Empty;
        }

        var text = await File.ReadAllTextAsync(logPath, cancellationToken);
        return text.Length > 16384 ? text[^16384..] : text;
    }

    private async Task<ActionResult> ReviewAsync(ReviewPullRequest review, TickContext context, CancellationToken cancellationToken)
    {
        var config = context.Config ?? throw new InvalidOperationException("no configuration");
        var pr = await forge.GetPullRequestAsync(review.PullRequest, cancellationToken);
        if (pr is null || !pr.Open || pr.HeadSha != review.HeadSha)
        {
            return new ActionResult(review, ActionOutcome.Skipped, $"{review.Describe()}: the PR changed since it was observed; the next pass reviews its new head", review.Reasons);
        }

        if (await ClaimReviewAsync(review, context, cancellationToken) is { } taken)
        {
            return taken;
        }

        // Another orchestrator may have reviewed, merged and released the claims between our read and our claim.
        var still = await forge.GetPullRequestAsync(review.PullRequest, cancellationToken);
        if (still is not { Open: true } || still.HeadSha != review.HeadSha)
        {
            if (still is not { Open: true })
            {
                await forge.ReleaseClaimsAsync(review.Issue, cancellationToken);
            }

            return new ActionResult(review, ActionOutcome.Skipped, $"{review.Describe()}: the PR changed while it was claimed; nothing reviewed", review.Reasons);
        }

        if (still.Reviews.Any(r => r.Agent == review.Order.Reviewer && r.CommitSha == review.HeadSha && r.State is ReviewState.Approved or ReviewState.ChangesRequested))
        {
            // Another orchestrator reviewed this head and released its claims on the way to merging: one review is enough.
            await forge.ReleaseClaimsAsync(review.Issue, cancellationToken);
            return new ActionResult(review, ActionOutcome.Skipped, $"{review.Describe()}: {review.Order.Reviewer} already reviewed head {review.HeadSha[..Math.Min(7, review.HeadSha.Length)]}; nothing reviewed twice", review.Reasons);
        }

        var reviewer = config.Agent(review.Order.Reviewer);
        var author = config.Agent(review.Order.Owner);
        if (reviewer is null || author is null || string.Equals(reviewer.Name, author.Name, StringComparison.OrdinalIgnoreCase))
        {
            return new ActionResult(review, ActionOutcome.Refused, $"{review.Describe()}: no reviewer agent distinct from the author is configured",
                Because.One("no-reviewer", "the reviewer must be a different agent than the author"));
        }

        var remote = await forge.GetGitRemoteAsync(cancellationToken);
        var cache = Cache;
        var baseSha = await cache.SyncAsync(remote, pr.BaseBranch, cancellationToken);
        await cache.FetchBranchAsync(remote, pr.HeadBranch, cancellationToken);
        // Review the PR's own changes: commits merged to the base since it forked are not part of it (drift is BehindBy).
        var forkPoint = await cache.MergeBaseAsync(baseSha, pr.HeadSha, cancellationToken);
        var patchId = await cache.PatchIdAsync(forkPoint, pr.HeadSha, cancellationToken);
        if (ReviewCarryOver.Find(still.Reviews, reviewer.Name, pr.HeadSha, patchId) is { } previous)
        {
            // A base update that left the change as it was: the verdict belongs to the change, so it carries over.
            var carried = previous.State == ReviewState.Approved ? ReviewVerdict.Approve : ReviewVerdict.RequestChanges;
            await forge.SubmitReviewAsync(pr.Number, new ReviewSubmission(reviewer.Name, carried, ReviewCarryOver.Body(previous, patchId!), pr.HeadSha), cancellationToken);
            return new ActionResult(review, ActionOutcome.Ok,
                $"{review.Describe()}: {(carried == ReviewVerdict.Approve ? "approval" : "change request")} carried over from {previous.CommitSha[..Math.Min(7, previous.CommitSha.Length)]} (same patch-id after a base update)",
                [.. review.Reasons, new Reason("review-carried-over", $"the diff of {pr.HeadSha[..Math.Min(7, pr.HeadSha.Length)]} has the patch-id {reviewer.Name} reviewed on {previous.CommitSha[..Math.Min(7, previous.CommitSha.Length)]}")]);
        }

        // The built-in rules reviewer runs no agent and no validation: it reads the diff and applies the rules in
        // milliseconds, where a job would spend seconds starting a worker process. Only agent reviews are jobs.
        if (options.Executors is not null && config.Executor.Kind != ExecutorSettings.Inline && !AgentPresets.IsBuiltin(reviewer.Runner.Preset))
        {
            return await DispatchReviewAsync(review, pr, forkPoint, reviewer, context, cancellationToken);
        }

        var result = await runner.RunReviewerAsync(new ReviewRequest(review.Order, reviewer, author, pr, forkPoint, config, cache.Path), cancellationToken);
        return await SubmitReviewAsync(review, pr, reviewer.Name, result, patchId, cancellationToken);
    }

    /// <summary>Posts a review's verdict, marked with the reviewed diff's patch-id so that a base update can carry it over.</summary>
    private async Task<ActionResult> SubmitReviewAsync(ReviewPullRequest review, PullRequestSnapshot pr, string reviewer, ReviewResult result, string? patchId, CancellationToken cancellationToken)
    {
        await store.SaveRunAsync(forge.Name, result.Run, RunOutcomes.Of(result.Verdict), CancellationToken.None);
        var body = patchId is null ? result.Body : $"{result.Body}\n\n{ReviewCarryOver.Marker(patchId)}";
        await forge.SubmitReviewAsync(pr.Number, new ReviewSubmission(reviewer, result.Verdict, body, pr.HeadSha), cancellationToken);
        var findings = result.Findings.Select(f => new Reason("review-" + f.Rubric, (f.Path is null ? string.Empty : f.Path + ": ") + f.Message)).ToList();
        var verdict = result.FailedClosed ? "not approved (failed closed)" : result.Verdict == ReviewVerdict.Approve ? "approved" : "requested changes";
        return new ActionResult(review, ActionOutcome.Ok, $"{review.Describe()}: {verdict}", findings.Count > 0 ? findings : review.Reasons);
    }
}
