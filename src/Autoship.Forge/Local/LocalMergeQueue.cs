using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Queue;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>
/// The local forge's merge queue, one per base branch. The gate decides whether a pull request may merge; the queue
/// decides when: it squashes the queued pull requests one after another onto the current base (the candidate),
/// validates the candidate with the base commit's entrypoint, and moves the base to exactly that tested commit.
/// What to test, merge, bisect or eject next is <see cref="MergeQueuePolicy"/>'s pure decision from the rows in
/// <c>merge_queue</c> and <c>queue_batches</c>; moving the base reuses the merge intents of <see cref="LocalMerger"/>,
/// so a kill at any point is repaired by the next observation or merge.
/// </summary>
internal sealed partial class LocalMergeQueue(LocalContext context, LocalGit git, LocalCandidateCi ci, LocalReviews reviews, LocalMerger merger)
{
    /// <summary>Bounds one run: a batch of n needs at most about 2·n validations to settle.</summary>
    private const int MaxSteps = 64;

    /// <summary>The gate's status context (the planner publishes it); a queued head must be green there.</summary>
    private const string GateContext = "autoship/gate";

    /// <summary>Queues the pull request (same head keeps its place), runs the queue and says where the pull request stands.</summary>
    public async Task<MergeResult> MergeAsync(LocalPullRows.Row pull, string head, string title, string message, CancellationToken cancellationToken)
    {
        await using (var c = await context.Db.OpenAsync(cancellationToken))
        {
            // A head that broke a candidate stays out until it changes: testing it again would fail again.
            var left = await LocalDb.QueryAsync(c, "SELECT state, description FROM statuses WHERE sha = $s AND context = $c", r => (State: r.GetString(0), Description: r.GetString(1)),
                cancellationToken, ("$s", head), ("$c", MergeQueueStatus.Context));
            if (left is [{ State: nameof(CheckState.Failure) } failed])
            {
                return new MergeResult(MergeOutcome.Refused, null, Because.One("queue-failed", failed.Description));
            }

            var lane = await LaneOfAsync(c, pull.Number, cancellationToken);
            await LocalQueueRows.EnqueueAsync(c, new LocalQueueRows.Waiting(new MergeQueueEntry(pull.Number, head, lane, context.Now), pull.Base, title, message), cancellationToken);
        }

        var ejected = await RunAsync(pull.Base, cancellationToken);
        await using var after = await context.Db.OpenAsync(cancellationToken);
        var row = await LocalPullRows.RequireAsync(after, pull.Number, cancellationToken);
        if (row is { State: "merged", MergeSha: { } sha })
        {
            return new MergeResult(MergeOutcome.Merged, sha, []);
        }

        if (ejected.TryGetValue(pull.Number, out var why))
        {
            return new MergeResult(MergeOutcome.Refused, null, why);
        }

        var waiting = await LocalQueueRows.ListAsync(after, pull.Base, cancellationToken);
        var position = MergeQueueOrder.PositionOf(waiting.Select(w => w.Entry), pull.Number);
        var status = (string?)await LocalDb.ScalarAsync(after, "SELECT description FROM statuses WHERE sha = $s AND context = $c", cancellationToken,
            ("$s", head), ("$c", MergeQueueStatus.Context));
        return position == 0
            ? new MergeResult(MergeOutcome.Refused, null, Because.One("queue-left", status ?? $"#{pull.Number} left the merge queue"))
            : new MergeResult(MergeOutcome.Enqueued, null, Because.One("queued", status ?? $"waiting in the queue at position {position}"));
    }

    /// <summary>Runs the queue of one base branch until it must wait; returns the reasons of the pull requests it ejected.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Reason>>> RunAsync(string baseBranch, CancellationToken cancellationToken)
    {
        var ejected = new Dictionary<int, IReadOnlyList<Reason>>();
        for (var step = 0; step < MaxSteps; step++)
        {
            await using var c = await context.Db.OpenAsync(cancellationToken);
            await merger.CompleteInterruptedAsync(c, null, cancellationToken);
            var baseSha = await git.ResolveAsync(LocalGit.BranchRef(baseBranch), cancellationToken);
            if (baseSha is null)
            {
                break;
            }

            var waiting = await PruneAsync(c, baseBranch, cancellationToken);
            var entries = waiting.Select(w => w.Entry).ToList();
            var batches = await LocalQueueRows.BatchesAsync(c, baseBranch, baseSha, entries, cancellationToken);
            var settings = await SettingsAsync(baseSha, cancellationToken);
            var next = MergeQueuePolicy.Next(entries, baseSha, [.. batches.Select(b => b.Result)], settings, context.Now);
            await PublishAsync(c, entries, next, cancellationToken);
            switch (next)
            {
                case QueueTest test:
                    await TestAsync(c, baseBranch, baseSha, test.Batch, waiting, cancellationToken);
                    break;
                case QueueMerge merge:
                    await LandAsync(c, baseBranch, baseSha, batches.Last(b => b.Result.Id == merge.Result.Id), waiting, cancellationToken);
                    break;
                case QueueEject eject:
                    await EjectAsync(c, eject, cancellationToken);
                    ejected[eject.Entry.PullRequest] = eject.Reasons;
                    break;
                default:
                    return ejected;
            }
        }

        return ejected;
    }

    /// <summary>Drops entries that may no longer merge: closed or merged, pushed anew, or no longer green at the gate.</summary>
    private async Task<List<LocalQueueRows.Waiting>> PruneAsync(SqliteConnection c, string baseBranch, CancellationToken cancellationToken)
    {
        var kept = new List<LocalQueueRows.Waiting>();
        foreach (var w in await LocalQueueRows.ListAsync(c, baseBranch, cancellationToken))
        {
            var pull = await LocalPullRows.GetAsync(c, w.Entry.PullRequest, cancellationToken);
            var head = pull is null ? null : await git.ResolveAsync(LocalGit.BranchRef(pull.Head), cancellationToken);
            var gate = (string?)await LocalDb.ScalarAsync(c, "SELECT state FROM statuses WHERE sha = $s AND context = $c", cancellationToken, ("$s", w.Entry.HeadSha), ("$c", GateContext));
            if (pull is not { State: "open" } || head != w.Entry.HeadSha || pull.Base != baseBranch || (gate is not null && gate != nameof(CheckState.Success)))
            {
                await LocalQueueRows.RemoveAsync(c, w.Entry.PullRequest, cancellationToken);
                continue;
            }

            kept.Add(w);
        }

        return kept;
    }

    /// <summary>The lanes' queue settings from the base commit's own configuration (the seed's when it has none or cannot be read).</summary>
    private async Task<Func<Lane, MergeQueueSettings>> SettingsAsync(string baseSha, CancellationToken cancellationToken)
    {
        var text = await git.ShowAsync(baseSha, AutoshipConfig.DefaultPath, cancellationToken);
        AutoshipConfig? config = null;
        try
        {
            config = text is null ? null : ConfigLoader.Load(text, AutoshipConfig.DefaultPath).Config;
        }
        catch (Exception)
        {
            // An unreadable configuration is reported by the engine; the queue falls back to the seed's settings.
        }

        return lane => (config?.Lane(lane) ?? ConfigDefaults.Lane(lane)).MergeQueue;
    }

    private static async Task<Lane> LaneOfAsync(SqliteConnection c, int number, CancellationToken cancellationToken)
    {
        var labels = await LocalDb.QueryAsync(c, "SELECT label FROM issue_labels WHERE number = $n AND label LIKE $p", r => r.GetString(0), cancellationToken,
            ("$n", number), ("$p", Labels.LanePrefix + "%"));
        var lanes = labels.Select(l => LaneNames.TryParse(l[Labels.LanePrefix.Length..], out var lane) ? lane : Lane.Human).ToList();

        // No lane label means nobody classified it: the riskiest lane orders it last and batches it alone.
        return lanes.Count == 0 ? Lane.Human : lanes.Max();
    }
}
