using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge;

namespace Autoship.Engine.Demo;

/// <summary>Reads each demo item's outcome back from the forge (truth) and the store (history), never from the script.</summary>
internal static class DemoOutcomes
{
    public static async Task<IReadOnlyList<DemoItem>> CollectAsync(IForge forge, IStateStore store, Reconciler reconciler, Dictionary<int, DemoIssue> numbers, CancellationToken cancellationToken)
    {
        var (plan, _) = await reconciler.ObserveAndPlanAsync(cancellationToken);
        var items = new List<DemoItem>();
        foreach (var (number, demo) in numbers.OrderBy(n => n.Key))
        {
            var issue = await forge.GetIssueAsync(number, cancellationToken);
            var memory = ItemMemoryCodec.Decode(await forge.FindCommentAsync(number, ItemMemory.Marker, cancellationToken));
            var view = plan.Items.FirstOrDefault(i => i.Issue == number);
            var events = await store.QueryEventsAsync(new EventQuery(forge.Name, number, Limit: 500), cancellationToken);
            var runs = await store.ListRunsAsync(forge.Name, number, null, cancellationToken);
            var merged = events.FirstOrDefault(e => e.Kind == "merge" && e.Result == ActionOutcome.Ok);
            var lastAuthor = runs.LastOrDefault(r => r.Run.Role == AgentRole.Author);
            var outcome = (issue, view, memory) switch
            {
                _ when merged is not null => "merged",
                ({ Open: true }, _, _) when issue.HasLabel(Labels.Blocked) => lastAuthor?.Outcome == RunOutcomes.Of(AttemptOutcome.GuardrailViolation) ? "refused" : "blocked",
                (_, { Phase: ItemPhase.Held }, _) => "held",
                (_, { Phase: ItemPhase.Skipped }, _) => "skipped",
                _ => "open",
            };
            var reasons = (view?.Reasons ?? memory?.Reasons ?? []).ToList();
            var released = events.FirstOrDefault(e => e.Kind == "release" && e.Reasons.Any(r => r.Code == "claim-expired"));
            if (released is not null)
            {
                reasons.Insert(0, new Reason("stale-claim-released", released.Reasons.First().Message));
            }

            if (outcome == "merged")
            {
                var sizing = events.FirstOrDefault(e => e.Kind == "labels")?.Reasons.Where(r => r.Code is "too-large-for-safe") ?? [];
                reasons = [.. reasons.Where(r => r.Code == "stale-claim-released"), .. sizing, .. merged!.Reasons];
            }

            var laneName = (view?.Lane ?? memory?.Lane)?.Name();
            var pr = view?.PullRequest ?? merged?.PullRequest ?? events.Select(e => e.PullRequest).LastOrDefault(p => p is not null);
            items.Add(new DemoItem(number, demo.Title, demo.Shows, laneName, view?.Owner ?? memory?.Agent, view?.Reviewer ?? memory?.Reviewer, pr, outcome, reasons));
        }

        return items;
    }
}
