using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Engine.Simulation.Pipeline;

public sealed partial class PipelineSimulator
{
    private readonly Dictionary<int, DateTimeOffset> jobStarts = [];
    private readonly HashSet<string> humanAsked = [];

    /// <summary>Applies one planned action as the reconciler does on a real forge (the same writes, in simulated form).</summary>
    private void Apply(PlannedAction action)
    {
        var item = world.Items.GetValueOrDefault(action.Issue);
        switch (action)
        {
            case StartAttempt start when item is not null && !world.Running.Contains(item.Number):
                StartJob(item, Around(settings.AgentMinutes), () => FinishAttempt(item, start));
                attempts++;
                item.AddLabel(Labels.Claimed, SimulatedWorld.Harness, now);
                var claimedAt = start.Resume && item.Memory.ClaimedAt is { } at ? at : now;
                item.Memory = new ItemMemory(ItemPhase.Claimed, start.Order.Owner, start.Order.Reviewer, start.Order.Attempt, claimedAt, start.Order.Lane, start.Reasons);
                break;
            case ReviewPullRequest review when item is not null && world.PullRequests.TryGetValue(review.PullRequest, out var reviewed) && !world.Running.Contains(item.Number):
                StartJob(item, Around(settings.ReviewMinutes), () => FinishReview(reviewed, review));
                break;
            case SyncLabels sync when world.PullRequests.TryGetValue(sync.PullRequest, out var labelled):
                labelled.Labels.RemoveAll(l => sync.Remove.Contains(l, StringComparer.OrdinalIgnoreCase));
                labelled.Labels.AddRange(sync.Add.Where(l => !labelled.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)));
                break;
            case PublishGate gate when world.PullRequests.TryGetValue(gate.PullRequest, out var gated) && gated.Head == gate.HeadSha:
                gated.SetCheck(Planner.GateContext, Planner.StatusOf(gate.Decision.Verdict), gate.Decision.Summary);
                if (gate.Decision.Verdict == GateVerdict.Hold && gated.Item.Lane == Lane.Human && humanAsked.Add(gated.Head))
                {
                    AskHuman(gated);
                }

                break;
            case MergePullRequest merge when world.PullRequests.TryGetValue(merge.PullRequest, out var merging):
                Enqueue(merging, merge.HeadSha, merge.Lane);
                break;
            case ReleaseClaim release when item is not null:
                Close(release.PullRequest);
                item.RemoveLabel(Labels.Claimed, SimulatedWorld.Harness, now);
                break;
            case BlockItem block when item is not null:
                Close(block.PullRequest);
                item.AddLabel(Labels.Blocked, SimulatedWorld.Harness, now);
                item.RemoveLabel(Labels.Claimed, SimulatedWorld.Harness, now);
                break;
            case StopWork stop:
                Close(stop.PullRequest);
                break;
            case CloseResolved when item is not null:
                item.Open = false;
                break;
            case UpdateComment comment when item is not null:
                item.Memory = comment.Memory;
                break;
        }
    }

    private void StartJob(SimulatedItem item, double minutes, Action finish)
    {
        world.Running.Add(item.Number);
        jobStarts[item.Number] = now;
        At(now.AddMinutes(minutes), () =>
        {
            world.Running.Remove(item.Number);
            busyMinutes += MeasuredMinutes(jobStarts[item.Number], now);
            jobStarts.Remove(item.Number);
            finish();
        });
    }

    /// <summary>The author's job ends: a pull request opened (or the fixed one updated), or a failed attempt as <see cref="FailurePolicy"/> decides.</summary>
    private void FinishAttempt(SimulatedItem item, StartAttempt start)
    {
        var order = start.Order;
        if (random.NextDouble() >= settings.AgentSuccessRate)
        {
            var reasons = Because.One("attempt-failed", $"the simulated agent's attempt {order.Attempt} produced no usable change");
            var decision = FailurePolicy.Decide(reasons, order.Attempt, world.Config.Loop.MaxAttempts, item.Memory.Refusals, 1);
            item.Memory = item.Memory with
            {
                Phase = decision.Block ? ItemPhase.Blocked : ItemPhase.Released,
                Attempt = order.Attempt,
                Reasons = decision.Reasons,
                RetryAfter = decision.Block ? null : now + RetryBackoff.After(order.Attempt, world.Config.Loop),
            };
            if (decision.Block)
            {
                item.AddLabel(Labels.Blocked, SimulatedWorld.Harness, now);
            }

            item.RemoveLabel(Labels.Claimed, SimulatedWorld.Harness, now);
            return;
        }

        var pr = start.PullRequest is { } existing && world.PullRequests.TryGetValue(existing, out var open) && open.Open ? open : null;
        if (pr is null)
        {
            pr = new SimulatedPullRequest(nextPullRequest++, item, order);
            var others = world.PullRequests.Values.Where(p => p.Open).ToList();
            if (others.Count > 0 && random.NextDouble() < settings.BreakRate)
            {
                pr.Partner = others[random.Next(others.Count)].Number;
            }

            world.PullRequests[pr.Number] = pr;
            item.PullRequests.Add(pr);
        }
        else
        {
            pr.Version++;
            pr.Order = order;
        }

        item.Memory = item.Memory with { Phase = ItemPhase.PullRequest, Attempt = order.Attempt, Agent = order.Owner, Reviewer = order.Reviewer, Lane = order.Lane, Reasons = [] };
        RunChecks(pr);
    }

    private void FinishReview(SimulatedPullRequest pr, ReviewPullRequest review)
    {
        if (!pr.Open || pr.Head != review.HeadSha)
        {
            return;
        }

        var state = random.NextDouble() < settings.ApproveRate ? ReviewState.Approved : ReviewState.ChangesRequested;
        pr.Reviews.Add(new ReviewSnapshot(SimulatedWorld.ReviewerBot, state, review.HeadSha, now, review.Order.Reviewer,
            state == ReviewState.Approved ? "looks right" : "the simulated reviewer asks for changes"));
    }

    /// <summary>A lane C pull request waits for a person: one review of this head after a sampled latency.</summary>
    private void AskHuman(SimulatedPullRequest pr)
    {
        var head = pr.Head;
        At(now.AddMinutes(Exponential(random, settings.HumanLatencyMinutes)), () =>
        {
            if (pr.Open && pr.Head == head)
            {
                humanReviews++;
                measuredHumanReviews += Measured(now) ? 1 : 0;
                pr.Reviews.Add(new ReviewSnapshot(SimulatedWorld.Maintainer, ReviewState.Approved, head, now));
            }
        });
    }

    private void Close(int? number)
    {
        if (number is { } n && world.PullRequests.TryGetValue(n, out var pr) && pr.Open && !pr.Merged)
        {
            pr.Open = false;
        }
    }
}
