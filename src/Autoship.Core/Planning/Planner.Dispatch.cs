using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>
    /// Starts attempts on eligible items in <see cref="DispatchOrder"/> (priority → lane → age, starved items first), up
    /// to the concurrency and fairness limits, holding back items whose blockers are open; explains why the rest wait.
    /// </summary>
    private static void Dispatch(PlanContext context, AutoshipConfig config, List<(IssueSnapshot Issue, TriageDecision Triage, ItemMemory Memory)> candidates)
    {
        var input = context.Input;
        var slots = config.Loop.MaxConcurrent - context.Active.Count;
        var perAgent = context.Active.Values.Where(a => a is not null).GroupBy(a => a!).ToDictionary(g => g.Key, g => g.Count());
        var perArea = ActiveAreas(context);
        var dependencies = DependencyGraph.Evaluate(input.Snapshot);
        foreach (var (place, total, (issue, triage, memory)) in Ordered(context, config, candidates))
        {
            context.QueueLength = total;
            var priority = Priority.Of(issue, config.Queue);
            var ownership = OwnershipPolicy.Assign(triage.Area!, config);
            if (!ownership.Assigned)
            {
                context.Remember(issue, memory, memory with { Phase = ItemPhase.Skipped, Reasons = ownership.Reasons }, "no agent can take it", [], null);
                context.View(issue, ItemPhase.Skipped, ownership.Reasons, attempt: memory.Attempt);
                continue;
            }

            var owner = ownership.Owner!;
            var lane = LaneClassifier.Classify(issue.Labels, [], config).Lane;
            var attempt = memory.Phase == ItemPhase.Blocked ? 0 : memory.Attempt;
            if (attempt >= config.Loop.MaxAttempts)
            {
                var reasons = memory.Reasons.Append(new Reason("max-attempts", $"all {config.Loop.MaxAttempts} attempts were used")).ToList();
                context.Actions.Add(new BlockItem(issue.Number, null, attempt, reasons));
                context.Remember(issue, memory, memory with { Phase = ItemPhase.Blocked, Reasons = reasons }, "blocked", BlockedActions, null);
                context.View(issue, ItemPhase.Blocked, reasons, lane, owner.Name, ownership.Reviewer!.Name, attempt: attempt, humanActions: BlockedActions);
                continue;
            }

            if (memory.Phase == ItemPhase.Released && memory.RetryAfter is { } retryAfter && retryAfter > input.Now)
            {
                context.View(issue, ItemPhase.Queued, [RetryBackoff.Waiting(attempt + 1, retryAfter), .. memory.Reasons], lane, owner.Name, ownership.Reviewer!.Name, attempt: attempt, place: place);
                continue;
            }

            var deps = dependencies.GetValueOrDefault(issue.Number) ?? DependencyStatus.None;
            if (deps.Waits)
            {
                WaitForDependencies(context, issue, memory, deps);
                context.Waiting.Add(place.Entry);
                context.View(issue, ItemPhase.Queued, [.. deps.Reasons, .. priority.Notes], lane, owner.Name, ownership.Reviewer!.Name, attempt: attempt,
                    humanActions: DependencyActions(deps), place: place);
                continue;
            }

            var wait = WaitReason(context, config, lane, owner, slots, perAgent)
                ?? AreaCap(config, triage.Area!, perArea);
            if (wait is not null)
            {
                context.Waiting.Add(place.Entry);
                context.View(issue, wait.Code == "lane-paused" || wait.Code == "kill-switch" ? ItemPhase.Paused : ItemPhase.Queued,
                    [wait, .. priority.Notes], lane, owner.Name, ownership.Reviewer!.Name, attempt: attempt, place: place);
                continue;
            }

            var order = WorkOrderFactory.Create(input.Snapshot.Repository, issue, triage.Area!, triage.Risk!, ownership, config, attempt + 1, input.Now);
            var why = new List<Reason>
            {
                new("dispatch", $"ready and owned by {owner.Name} (area:{triage.Area}); reviewed by {order.Reviewer}; attempt {order.Attempt} of {config.Loop.MaxAttempts}"),
            };
            why.AddRange(priority.Notes);
            context.Actions.Add(new StartAttempt(order, Resume: false, why));
            context.View(issue, ItemPhase.Claimed, why, order.Lane, order.Owner, order.Reviewer, attempt: order.Attempt, place: place);
            slots--;
            perAgent[owner.Name] = perAgent.GetValueOrDefault(owner.Name) + 1;
            perArea[triage.Area!] = perArea.GetValueOrDefault(triage.Area!) + 1;
        }
    }

    private static Reason? WaitReason(PlanContext context, AutoshipConfig config, Lane lane, AgentDefinition owner, int slots, Dictionary<string, int> perAgent)
    {
        var input = context.Input;
        if (input.Controls.KillSwitch || config.Loop.KillSwitch)
        {
            return new Reason("kill-switch", "the kill switch is on: no agent starts");
        }

        if (input.Controls.PausedLanes.Contains(lane) || config.Loop.PausedLanes.Contains(lane))
        {
            return new Reason("lane-paused", $"lane {lane.Letter()} ({lane.Name()}) is paused: resume it to let agents start");
        }

        if (input.UnavailableAgents.TryGetValue(owner.Name, out var unavailable))
        {
            return unavailable;
        }

        if (slots <= 0)
        {
            return new Reason("no-slot", $"all {config.Loop.MaxConcurrent} concurrent work orders are in use (loop.maxConcurrent); it starts when one finishes");
        }

        if (perAgent.GetValueOrDefault(owner.Name) >= Math.Max(1, owner.MaxConcurrent))
        {
            return new Reason("agent-busy", $"{owner.Name} already works on {owner.MaxConcurrent} item(s) (its maxConcurrent)");
        }

        return null;
    }
}
