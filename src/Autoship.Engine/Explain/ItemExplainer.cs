using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge;

namespace Autoship.Engine.Explain;

/// <summary>Builds an <see cref="ItemExplanation"/> from the forge (truth), a fresh plan (why now) and the store (history).</summary>
public static class ItemExplainer
{
    public static async Task<ItemExplanation> ExplainAsync(IForge forge, IStateStore store, Reconciler reconciler, int number, bool isPullRequest, CancellationToken cancellationToken)
    {
        var issueNumber = number;
        if (isPullRequest)
        {
            var pr = await forge.GetPullRequestAsync(number, cancellationToken) ?? throw new ForgeException("not-found", $"pull request #{number} does not exist on {forge.Name}");
            issueNumber = BranchNames.IssueOf(pr.HeadBranch) ?? throw new ForgeException("not-autoship", $"PR #{number} is not on an autoship/ branch, so Autoship does not act on it");
        }

        var issue = await forge.GetIssueAsync(issueNumber, cancellationToken) ?? throw new ForgeException("not-found", $"issue #{issueNumber} does not exist on {forge.Name}");
        var (plan, _) = await reconciler.ObserveAndPlanAsync(cancellationToken);
        var view = plan.Items.FirstOrDefault(i => i.Issue == issueNumber);
        var memory = ItemMemoryCodec.Decode(await forge.FindCommentAsync(issueNumber, ItemMemory.Marker, cancellationToken));
        var history = (await store.QueryEventsAsync(new EventQuery(forge.Name, issueNumber, Limit: 500), cancellationToken)).Reverse().ToList();
        var runs = await store.ListRunsAsync(forge.Name, issueNumber, null, cancellationToken);

        if (view is null)
        {
            var phase = memory?.Phase ?? (issue.Open ? ItemPhase.NotObserved : ItemPhase.Closed);
            var reasons = memory?.Reasons ?? (issue.Open
                ? Because.One("not-labeled", "the issue has no autonomy:* label, so Autoship does not look at it (add autonomy:ready to queue it)")
                : Because.One("closed", "the issue is closed"));
            var pr = isPullRequest ? number : history.LastOrDefault(e => e.PullRequest is not null)?.PullRequest;
            var verdict = phase == ItemPhase.Merged ? GateVerdict.Merge : (GateVerdict?)null;
            view = new ItemView(issueNumber, issue.Title, phase, memory?.Lane, memory?.Agent, memory?.Reviewer, pr, verdict, memory?.Attempt ?? 0, reasons, []);
        }

        return new ItemExplanation(view with { Title = issue.Title }, Summarize(view, issue.Open), history, runs)
        {
            Failure = await FailureAsync(forge, view, runs, cancellationToken),
        };
    }

    /// <summary>
    /// What failed last, in its log's words: the latest author run when its validation failed, else a failing check on
    /// the open PR's head. A merged or closed item shows none (what failed on the way no longer matters).
    /// </summary>
    public static async Task<FailureDetail?> FailureAsync(IForge forge, ItemView view, IReadOnlyList<StoredRun> runs, CancellationToken cancellationToken)
    {
        if (view.Phase is ItemPhase.Merged or ItemPhase.Closed)
        {
            return null;
        }

        var latest = runs.Where(r => r.Run.Role == AgentRole.Author).MaxBy(r => r.Run.EndedAt);
        if (latest is not null && await FailureLogs.FromRunAsync(latest.Run, cancellationToken) is { } validation)
        {
            return validation;
        }

        return view.PullRequest is { } number && await forge.GetPullRequestAsync(number, cancellationToken) is { Open: true } pr
            ? await FailureLogs.FromChecksAsync(pr.Checks, pr.HeadSha, cancellationToken)
            : null;
    }

    public static string Summarize(ItemView v, bool open)
    {
        var lane = v.Lane is { } l ? $" in lane {l.Letter()} ({l.Name()})" : string.Empty;
        var pr = v.PullRequest is { } p ? $"PR #{p}" : "pull request";
        return v.Phase switch
        {
            ItemPhase.Merged => $"Done: its {pr} was merged{lane}.",
            ItemPhase.Held => $"Waiting for a human: its {pr}{lane} cannot merge unattended.",
            ItemPhase.PullRequest when v.Verdict == GateVerdict.Merge && v.Reasons.FirstOrDefault(r => r.Code == GateDecision.QueuedCode) is { } queued
                => $"In progress: its {pr}{lane} may merge and is in the merge queue: {queued.Message}.",
            ItemPhase.PullRequest => $"In progress: its {pr}{lane} is open; the gate says {v.Verdict?.ToString().ToLowerInvariant() ?? "wait"}.",
            ItemPhase.Claimed => $"Claimed by {v.Owner ?? "an agent"} (attempt {v.Attempt}){lane}.",
            ItemPhase.Queued when v.QueuePosition is { } q => $"Queued{lane}, {q.Message}{Waits(v)}.",
            ItemPhase.Queued => $"Queued{lane}: it starts when a slot is free.",
            ItemPhase.Paused => $"Paused{lane}: no agent starts until it is resumed.",
            ItemPhase.Released => $"Released after attempt {v.Attempt}: it goes back to the queue and is tried again.",
            ItemPhase.Blocked => $"Blocked after {Plural.Of(v.Attempt, "attempt")}: a human must look at it.",
            ItemPhase.Skipped => "Not taken by any agent.",
            ItemPhase.Stopped => "Work stopped: the issue was closed or unlabeled.",
            _ => open ? "Not in Autoship's queue." : "Closed.",
        };
    }

    /// <summary>"; blocked by #41 until it closes" — what holds a queued item back, after its place.</summary>
    private static string Waits(ItemView v) => v.Reasons.Count == 0 ? "; it starts when a slot is free" : "; " + string.Join("; ", v.Reasons.Select(r => r.Message));
}
