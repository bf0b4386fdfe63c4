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
        var inFlight = InFlightPaths(context, config);
        var perArea = ActiveAreas(context);
        var dependencies = DependencyGraph.Evaluate(input.Snapshot);
        var shared = new SharedReasons();
        foreach (var (place, total, (issue, triage, memory)) in Ordered(context, config, candidates))
        {
            var position = DispatchOrder.Explain(place, total, input.Now);
            var priority = Priority.Of(issue, config.Queue);
            var ownership = OwnershipPolicy.Assign(triage.Area!, config);
            if (!ownership.Assigned)
            {
                context.Apply(new ItemDecision(issue, ItemPhase.Skipped, ownership.Reasons) { Attempt = memory.Attempt }
                    .Remember(memory, memory with { Phase = ItemPhase.Skipped, Reasons = ownership.Reasons }, "no agent can take it"));
                continue;
            }

            var owner = ownership.Owner!;
            // The labels-only lane the queue entry was ordered by (Entry), not classified a second time.
            var lane = place.Entry.Lane;
            // A comment that says "claimed" without the label is a claim cut short before its label (the comment is
            // written first): the same attempt is dispatched again, and its forge claim ref is this orchestrator's own.
            var attempt = memory.Phase switch
            {
                ItemPhase.Blocked => 0,
                ItemPhase.Claimed => Math.Max(memory.Attempt - 1, 0),
                _ => memory.Attempt,
            };
            ItemDecision Owned(ItemPhase phase, IReadOnlyList<Reason> reasons) =>
                new(issue, phase, reasons) { Lane = lane, Owner = owner.Name, Reviewer = ownership.Reviewer!.Name, Attempt = attempt };
            ItemDecision Placed(ItemPhase phase, IReadOnlyList<Reason> reasons) =>
                new(issue, phase, reasons) { Lane = lane, Owner = owner.Name, Reviewer = ownership.Reviewer!.Name, Attempt = attempt, QueuePosition = position, QueueRank = place.Position };
            if (attempt >= config.Loop.MaxAttempts)
            {
                var reasons = memory.Reasons.Append(new Reason("max-attempts", $"all {config.Loop.MaxAttempts} attempts were used")).ToList();
                context.Apply((Owned(ItemPhase.Blocked, reasons) with { HumanActions = BlockedActions })
                    .Act(new BlockItem(issue.Number, null, attempt, reasons))
                    .Remember(memory, memory with { Phase = ItemPhase.Blocked, Reasons = reasons }, "blocked"));
                continue;
            }

            if (memory.Phase == ItemPhase.Released && memory.RetryAfter is { } retryAfter && retryAfter > input.Now)
            {
                context.Apply(Placed(ItemPhase.Queued, [RetryBackoff.Waiting(attempt + 1, retryAfter), .. memory.Reasons]));
                continue;
            }

            var deps = dependencies.GetValueOrDefault(issue.Number) ?? DependencyStatus.None;
            if (deps.Waits)
            {
                context.Waiting.Add(place.Entry);
                context.Apply(WaitForDependencies(Placed(ItemPhase.Queued, [.. deps.Reasons, .. priority.Notes]) with { HumanActions = DependencyActions(deps) }, memory, deps));
                continue;
            }

            var wait = WaitReason(context, config, lane, owner, slots, perAgent, shared) ?? AreaCap(config, triage.Area!, perArea, shared);
            if (wait is not null)
            {
                context.Waiting.Add(place.Entry);
                context.Apply(Placed(wait.Code is "lane-paused" or "kill-switch" ? ItemPhase.Paused : ItemPhase.Queued, shared.With(wait, priority.Notes)));
                continue;
            }

            var owned = PathClaims.Owned(config, triage.Area);
            if (PathClaims.Conflict(triage.Area, owned, inFlight) is { } busy)
            {
                context.Waiting.Add(place.Entry);
                context.Apply(Placed(ItemPhase.Queued, [busy, .. priority.Notes]));
                continue;
            }

            var order = WorkOrderFactory.Create(input.Snapshot.Repository, issue, triage.Area!, triage.Risk!, ownership, config, attempt + 1, input.Now);
            var why = new List<Reason>
            {
                new("dispatch", $"ready and owned by {owner.Name} (area:{triage.Area}); reviewed by {order.Reviewer}; attempt {order.Attempt} of {config.Loop.MaxAttempts}"),
            };
            why.AddRange(priority.Notes);
            context.Apply(new ItemDecision(issue, ItemPhase.Claimed, why)
                {
                    Lane = order.Lane, Owner = order.Owner, Reviewer = order.Reviewer, Attempt = order.Attempt, QueuePosition = position, QueueRank = place.Position,
                }
                .Act(new StartAttempt(order, Resume: false, why)));
            slots--;
            inFlight.Add((issue.Number, triage.Area, owned));
            perAgent[owner.Name] = perAgent.GetValueOrDefault(owner.Name) + 1;
            perArea[triage.Area!] = perArea.GetValueOrDefault(triage.Area!) + 1;
        }
    }

    private static Reason? WaitReason(PlanContext context, AutoshipConfig config, Lane lane, AgentDefinition owner, int slots, Dictionary<string, int> perAgent, SharedReasons shared)
    {
        var input = context.Input;
        if (input.Controls.KillSwitch || config.Loop.KillSwitch)
        {
            return shared.Get("kill-switch", string.Empty, 0, static _ => "the kill switch is on: no agent starts");
        }

        if (input.Controls.PausedLanes.Contains(lane) || config.Loop.PausedLanes.Contains(lane))
        {
            return shared.Get("lane-paused", lane.Name(), lane, static l => $"lane {l.Letter()} ({l.Name()}) is paused: resume it to let agents start");
        }

        if (input.UnavailableAgents.TryGetValue(owner.Name, out var unavailable))
        {
            return unavailable;
        }

        if (slots <= 0)
        {
            return shared.Get("no-slot", string.Empty, config.Loop.MaxConcurrent, static n => $"all {n} concurrent work orders are in use (loop.maxConcurrent); it starts when one finishes");
        }

        if (perAgent.GetValueOrDefault(owner.Name) >= Math.Max(1, owner.MaxConcurrent))
        {
            return shared.Get("agent-busy", owner.Name, owner, static o => $"{o.Name} already works on {Plural.Of(o.MaxConcurrent, "item")} (its maxConcurrent)");
        }

        return null;
    }
}
