using System.Globalization;
using Autoship.Core;
using Autoship.Core.Queue;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

internal sealed partial class LocalMergeQueue
{
    /// <summary>Builds the candidate (each member squashed onto the previous commit, starting at the base), validates it and records the result.</summary>
    private async Task TestAsync(SqliteConnection c, string baseBranch, string baseSha, IReadOnlyList<MergeQueueEntry> batch, IReadOnlyList<LocalQueueRows.Waiting> waiting, CancellationToken cancellationToken)
    {
        var current = baseSha;
        var commits = new List<string>();
        foreach (var entry in batch)
        {
            var tree = await git.TryGitAsync(["merge-tree", "--write-tree", "--name-only", "--no-messages", current, entry.HeadSha], cancellationToken);
            if (!tree.Ok)
            {
                // A conflict is a failed candidate like any other: bisection finds who conflicts, and with what.
                var paths = tree.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Distinct().ToList();
                var against = commits.Count == 0 ? baseBranch : $"{baseBranch} with {string.Join(", ", batch.Take(commits.Count).Select(e => "#" + e.PullRequest))}";
                var tail = $"#{entry.PullRequest} conflicts with {against}" + (paths.Count > 0 ? " in " + string.Join(", ", paths.Take(10)) : string.Empty)
                    + $": update the branch (merge or rebase {baseBranch}) and resolve them";
                await RecordAsync(c, baseBranch, baseSha, batch, commits, false, tail, cancellationToken);
                return;
            }

            var w = waiting.First(x => x.Entry.PullRequest == entry.PullRequest);
            var message = string.IsNullOrWhiteSpace(w.Message) ? w.Title : w.Title + "\n\n" + w.Message;
            current = await git.GitAsync(["commit-tree", tree.Stdout.Split('\n')[0].Trim(), "-p", current, "-m", message], cancellationToken, git.CommitEnv(context.ActingAs));
            commits.Add(current);
        }

        var outcome = await ci.ValidateAsync(current, baseSha, cancellationToken);
        await RecordAsync(c, baseBranch, baseSha, batch, commits, outcome.Passed, outcome.LogTail, cancellationToken);
    }

    private async Task RecordAsync(SqliteConnection c, string baseBranch, string baseSha, IReadOnlyList<MergeQueueEntry> batch, IReadOnlyList<string> commits, bool passed, string tail, CancellationToken cancellationToken)
    {
        await using var tx = c.BeginTransaction(deferred: false);
        var id = await LocalQueueRows.RecordAsync(c, baseBranch, baseSha, batch, commits, passed, tail, context.Now, cancellationToken);
        await context.RecordAsync(c, passed ? "queue.passed" : "queue.failed", "branch:" + baseBranch,
            new { batch = id, members = batch.Select(e => e.PullRequest).ToArray(), @base = baseSha, candidate = commits.LastOrDefault(), tail }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Moves the base to exactly the tested candidate: intents first (one per member's squash commit), then the ref, then the records.</summary>
    private async Task LandAsync(SqliteConnection c, string baseBranch, string baseSha, LocalQueueRows.Batch batch, IReadOnlyList<LocalQueueRows.Waiting> waiting, CancellationToken cancellationToken)
    {
        var intents = batch.Result.Members.Select((number, i) => new LocalMergeIntents.Intent(
            batch.Commits[i], number, baseBranch, baseSha, batch.Heads[i], waiting.First(w => w.Entry.PullRequest == number).Message)).ToList();
        foreach (var intent in intents)
        {
            await LocalMergeIntents.RecordAsync(c, intent, context.Now, cancellationToken);
        }

        LocalCrashPoint.Reach("merge-after-intent");
        var moved = await git.TryGitAsync(["update-ref", LocalGit.BranchRef(baseBranch), batch.Candidate, baseSha], cancellationToken);
        LocalCrashPoint.Reach("merge-after-update-ref");
        if (!moved.Ok)
        {
            // Someone else moved the base: the recorded results no longer cover it, so the next step tests again.
            foreach (var intent in intents)
            {
                await LocalMergeIntents.ForgetAsync(c, intent.Commit, cancellationToken);
            }

            return;
        }

        foreach (var intent in intents)
        {
            await merger.CompleteAsync(c, intent, cancellationToken);
            await LocalQueueRows.RemoveAsync(c, intent.Number, cancellationToken);
            await reviews.UpsertStatusAsync(c, intent.HeadSha, new CommitStatus(MergeQueueStatus.Context, CheckState.Success,
                MergeQueueStatus.Fit($"merged in batch #{batch.Result.Id.ToString(CultureInfo.InvariantCulture)} as {LocalContext.Short(intent.Commit)}"), null), null, cancellationToken);
        }
    }

    private async Task EjectAsync(SqliteConnection c, QueueEject eject, CancellationToken cancellationToken)
    {
        await using var tx = c.BeginTransaction(deferred: false);
        await LocalQueueRows.RemoveAsync(c, eject.Entry.PullRequest, cancellationToken);
        await reviews.UpsertStatusAsync(c, eject.Entry.HeadSha, new CommitStatus(MergeQueueStatus.Context, CheckState.Failure, MergeQueueStatus.Fit(eject.Summary), null), null, cancellationToken);
        await context.RecordAsync(c, "queue.ejected", LocalContext.Target(eject.Entry.PullRequest), new { batch = eject.Result.Id, head = eject.Entry.HeadSha, reason = eject.Summary }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Each queued head's <c>autoship/queue</c> status: its position, or what is being done with its batch.</summary>
    private async Task PublishAsync(SqliteConnection c, IReadOnlyList<MergeQueueEntry> entries, QueueStep next, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            var text = MergeQueueStatus.Fit(MergeQueuePolicy.StatusOf(entries, entry.PullRequest, next));
            var current = (string?)await LocalDb.ScalarAsync(c, "SELECT description FROM statuses WHERE sha = $s AND context = $c", cancellationToken,
                ("$s", entry.HeadSha), ("$c", MergeQueueStatus.Context));
            if (current != text)
            {
                await reviews.UpsertStatusAsync(c, entry.HeadSha, new CommitStatus(MergeQueueStatus.Context, CheckState.Pending, text, null), null, cancellationToken);
            }

            await RefreshGateAsync(c, entry, text, cancellationToken);
        }
    }

    /// <summary>
    /// A green <c>autoship/gate</c> says where its head stands in the queue as the queue works (a tick's merge runs the
    /// queue to quiescence, so "bisecting" would otherwise never reach it), in the words the planner publishes next tick.
    /// </summary>
    private async Task RefreshGateAsync(SqliteConnection c, MergeQueueEntry entry, string queueText, CancellationToken cancellationToken)
    {
        var gate = await LocalDb.QueryAsync(c, "SELECT state, description, url FROM statuses WHERE sha = $s AND context = $c",
            r => (State: r.GetString(0), Description: r.GetString(1), Url: r.IsDBNull(2) ? null : r.GetString(2)), cancellationToken, ("$s", entry.HeadSha), ("$c", GateContext));
        var summary = GateDecision.QueuedSummary(entry.Lane, queueText);
        if (gate is [{ State: nameof(CheckState.Success) } green] && green.Description != summary)
        {
            await reviews.UpsertStatusAsync(c, entry.HeadSha, new CommitStatus(GateContext, CheckState.Success, summary, green.Url), null, cancellationToken);
        }
    }
}
