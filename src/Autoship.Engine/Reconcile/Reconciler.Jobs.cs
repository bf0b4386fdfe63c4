using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Executors;
using Autoship.Engine.Store;
using Autoship.Forge;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// Work orders as jobs: a tick dispatches each claimed attempt to the configured executor and ends; a later tick
/// collects the result, verifies it (work order, base commit) and only then the harness pushes and opens the PR, as
/// inline. A job past its work order's deadline is stopped and released like a stale claim; a lost one is released.
/// </summary>
public sealed partial class Reconciler
{
    private JobLedger Ledger => new(store, forge.Name);

    private async Task DispatchJobsAsync(List<PreparedAttempt> prepared, string baseSha, GitRemote remote, TickContext context, Func<PlannedAction, ActionResult, Task> record, CancellationToken cancellationToken)
    {
        var config = context.Config!;
        var configText = options.ConfigOverride is null ? context.Snapshot.ConfigText : options.ConfigOverrideText;
        var executor = options.Executors!(config.Executor);
        foreach (var p in prepared)
        {
            var start = p.Start;
            if (executor is null || configText is null)
            {
                var why = executor is null
                    ? new Reason("executor-unavailable", $"executor.kind is {config.Executor.Kind}, which this orchestrator cannot run; the claim waits (nothing runs inline instead)")
                    : new Reason("executor-no-config", "the configuration's text is not available to hand to a worker");
                await record(start, new ActionResult(start, ActionOutcome.Refused, $"{start.Describe()}: {why.Message}", [why]));
                continue;
            }

            await record(start, await GuardAsync(start, async () =>
            {
                var (author, from) = await AuthorContextAsync(start, baseSha, remote, context, cancellationToken);
                var spec = new JobSpec(start.Order, configText, from, Cache.Path, options.StateDirectory)
                {
                    Ref = context.Snapshot.DefaultBranch,
                    AuthorContext = author,
                    SharedValidation = SharedValidation is Forge.Local.LocalForge local && executor is LocalExecutor
                        ? new SharedLocalCi(local.Directory, local.Options)
                        : null,
                };
                var ticket = await executor.DispatchAsync(spec, cancellationToken);
                await Ledger.AddAsync(ticket, CancellationToken.None);
                var note = new JobNote(ticket.Id, ticket.Kind, ticket.Deadline);
                var running = p.Memory with
                {
                    Job = note,
                    Reasons = [.. start.Reasons, new Reason("job-dispatched", $"running as job {ticket.Id} on the {ticket.Kind} executor; due by {ticket.Deadline:u}")],
                };
                await forge.UpsertCommentAsync(start.Order.Issue, ItemMemory.Marker,
                    CommentRenderer.Render(start.Order.Issue, running, start.PullRequest is { } fixing
                        ? $"{start.Order.Owner} fixes PR #{fixing} forward (attempt {start.Order.Attempt}); job {ticket.Id} running"
                        : $"claimed by {start.Order.Owner}; job {ticket.Id} running", [], start.PullRequest, clock.GetUtcNow()), CancellationToken.None);
                return new ActionResult(start, ActionOutcome.Ok, $"{start.Describe()}: dispatched as job {ticket.Id} ({ticket.Kind})", running.Reasons);
            }));
        }
    }

    /// <summary>Polls every job in flight; returns how many were finished (PR opened, failed, released) this time.</summary>
    private async Task<int> CollectJobsAsync(TickContext context, Func<PlannedAction, ActionResult, Task> record, CancellationToken cancellationToken)
    {
        if (options.Executors is null || context.Config is not { } config)
        {
            return 0;
        }

        var jobs = await Ledger.ListAsync(cancellationToken);
        if (jobs.Count == 0)
        {
            return 0;
        }

        var executor = options.Executors(config.Executor);
        var collected = 0;
        GitRemote? remote = null;
        foreach (var ticket in jobs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var job = executor is not null && executor.Kind == ticket.Kind ? executor : options.Executors(config.Executor with { Kind = ticket.Kind });
            if (job is null)
            {
                continue;
            }

            var status = await job.PollAsync(ticket, cancellationToken);
            var now = clock.GetUtcNow();
            if (status.State == JobState.Running && now < ticket.Deadline)
            {
                continue;
            }

            if (ticket.IsReview)
            {
                collected++;
                if (status.State == JobState.Running)
                {
                    await job.CancelAsync(ticket, cancellationToken);
                }

                var review = ReviewOf(ticket);
                var posted = await GuardAsync(review, () => CollectReviewAsync(review, ticket, status, CancellationToken.None));
                await Ledger.RemoveAsync(ticket, CancellationToken.None);
                await job.CancelAsync(ticket, CancellationToken.None);
                await record(review, posted);
                continue;
            }

            // A fix forward's job pushes to its PR's branch and updates that PR, as inline.
            var start = new StartAttempt(ticket.Order, Resume: true, Because.One("job-collected", $"job {ticket.Id} ({ticket.Kind}) ended"))
            {
                PullRequest = ticket.FixesPullRequest,
                ContinueFrom = ticket.ContinueFrom,
            };
            var memory = (context.Memories.GetValueOrDefault(ticket.Issue) ?? ItemMemory.Empty) with { Job = null };
            AuthorResult? result = null;
            string? problem = null;
            if (status.State == JobState.Running)
            {
                await job.CancelAsync(ticket, cancellationToken);
                problem = $"job {ticket.Id} was still running at its deadline {ticket.Deadline:u}: stopped";
            }
            else if (status.State == JobState.Lost || status.Output is null)
            {
                problem = status.Detail ?? $"job {ticket.Id} was lost";
            }
            else if (Verify(ticket, status.Output) is { } mismatch)
            {
                problem = mismatch;
            }
            else
            {
                result = status.Output.Author!;
            }

            collected++;
            var outcome = await GuardAsync(start, async () =>
            {
                if (result is null)
                {
                    return await FailAttemptAsync(start, memory, Lost(ticket, problem!, now), config.Loop, CancellationToken.None);
                }

                await store.SaveRunAsync(forge.Name, result.Run, RunOutcomes.Of(result.Outcome), CancellationToken.None);
                var fresh = await forge.GetIssueAsync(ticket.Issue, CancellationToken.None);
                if (fresh is null || !fresh.Open || !fresh.HasLabel(Labels.Claimed) || fresh.HasLabel(Labels.Blocked))
                {
                    return new ActionResult(start, ActionOutcome.Skipped, $"#{ticket.Issue}: job {ticket.Id} finished, but the issue was closed, blocked or unclaimed since: nothing is pushed",
                        Because.One("issue-changed", "the issue changed while its job ran"));
                }

                remote ??= await forge.GetGitRemoteAsync(CancellationToken.None);
                var agent = config.Agent(ticket.Order.Owner) ?? throw new InvalidOperationException($"agent {ticket.Order.Owner} is not configured");
                return await FinishAttemptAsync(new PreparedAttempt(start, agent, fresh, memory), result, remote, context, CancellationToken.None);
            });
            await Ledger.RemoveAsync(ticket, CancellationToken.None);
            if (status.State != JobState.Running)
            {
                await job.CancelAsync(ticket, CancellationToken.None);
            }

            await record(start, outcome);
        }

        return collected;
    }

    /// <summary>A result is used only for the job it was dispatched as: same work order, same base commit.</summary>
    private static string? Verify(JobTicket ticket, JobResult output) =>
        output.Author is null ? $"job {ticket.Id} handed back no author result: refused"
        : output.WorkOrderId != ticket.WorkOrderId ? $"job {ticket.Id} handed back work order {output.WorkOrderId}, not {ticket.WorkOrderId}: refused"
        : output.BaseSha != ticket.BaseSha ? $"job {ticket.Id} ran on {output.BaseSha}, not the dispatched base {ticket.BaseSha}: refused"
        : output.Author is { Run.WorkOrderId: var runOrder } && runOrder != ticket.WorkOrderId ? $"job {ticket.Id}'s run record is for {runOrder}: refused"
        : null;

    private static AuthorResult Lost(JobTicket ticket, string problem, DateTimeOffset now) =>
        new(AttemptOutcome.AgentFailed, Because.One("job-lost", problem), null, [],
            new RunRecord(ticket.Id, ticket.Issue, ticket.Order.Attempt, ticket.Order.Owner, AgentRole.Author, ticket.WorkOrderId, [], ticket.DispatchedAt, now, problem, null, string.Empty, null, null, null, null));
}
