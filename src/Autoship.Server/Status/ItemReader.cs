using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Explain;
using Autoship.Engine.Store;
using Autoship.Server.Hosting;
using Autoship.Server.Observation;

namespace Autoship.Server.Status;

/// <summary>
/// The item page: the same <see cref="ItemExplanation"/> as <c>autoship explain</c>, built from the cached observation
/// (so a page load re-plans nothing) plus the store's history; only items outside the plan cost forge reads.
/// </summary>
public sealed class ItemReader(ServerEngine engine, ObservationCache cache)
{
    public async Task<ItemExplanation?> ReadAsync(int number, CancellationToken cancellationToken)
    {
        var observation = await cache.GetAsync(cancellationToken);
        var view = observation.Items.FirstOrDefault(i => i.Issue == number);
        var open = true;
        if (view is null)
        {
            var issue = await engine.Forge.GetIssueAsync(number, cancellationToken);
            if (issue is null)
            {
                return null;
            }

            open = issue.Open;
            view = await FromMemoryAsync(number, issue.Title, issue.Open, cancellationToken);
        }

        var history = (await engine.Store.QueryEventsAsync(new EventQuery(engine.Forge.Name, number, Limit: 500), cancellationToken)).Reverse().ToList();
        var runs = await engine.Store.ListRunsAsync(engine.Forge.Name, number, null, cancellationToken);
        return new ItemExplanation(view, ItemExplainer.Summarize(view, open), history, runs)
        {
            Failure = await ItemExplainer.FailureAsync(engine.Forge, view, runs, cancellationToken),
        };
    }

    /// <summary>
    /// The issue's and its pull request's texts, read from the forge (two reads at most: only the item page shows them).
    /// The PR is the open one the plan knows, else the latest one the history names (a merged item's).
    /// </summary>
    public async Task<ItemDiscussion> ReadDiscussionAsync(ItemExplanation explanation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var issue = await engine.Forge.GetIssueAsync(explanation.View.Issue, cancellationToken);
        var number = explanation.View.PullRequest ?? explanation.History.LastOrDefault(e => e.PullRequest is not null)?.PullRequest;
        var pr = number is { } n ? await engine.Forge.GetPullRequestAsync(n, cancellationToken) : null;
        return new ItemDiscussion(issue?.Body, pr);
    }

    // Same fallback as ItemExplainer: what the item's Autoship comment remembers.
    private async Task<ItemView> FromMemoryAsync(int number, string title, bool open, CancellationToken cancellationToken)
    {
        var memory = ItemMemoryCodec.Decode(await engine.Forge.FindCommentAsync(number, ItemMemory.Marker, cancellationToken));
        var phase = memory?.Phase ?? (open ? ItemPhase.NotObserved : ItemPhase.Closed);
        var reasons = memory?.Reasons ?? (open
            ? Because.One("not-labeled", "the issue has no autonomy:* label, so Autoship does not look at it (add autonomy:ready to queue it)")
            : Because.One("closed", "the issue is closed"));
        return new ItemView(number, title, phase, memory?.Lane, memory?.Agent, memory?.Reviewer, null, null, memory?.Attempt ?? 0, reasons, []);
    }
}
