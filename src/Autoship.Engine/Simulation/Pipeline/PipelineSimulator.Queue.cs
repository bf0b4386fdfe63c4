using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Core.Queue;

namespace Autoship.Engine.Simulation.Pipeline;

public sealed partial class PipelineSimulator
{
    private readonly List<MergeQueueEntry> queue = [];
    private readonly List<BatchResult> results = [];
    private readonly Queue<Action> ciWaiting = new();
    private readonly HashSet<int> onMain = [];
    private readonly HashSet<int> mergedIssues = [];
    private readonly HashSet<DateTimeOffset> wakes = [];
    private readonly List<double> waits = [];
    private bool validating;
    private int ciRunning;
    private int validations;
    private int ejected;
    private int mergedTwice;
    private int humanLaneUnapproved;
    private DateTimeOffset? redSince;

    /// <summary>
    /// A new head runs the required checks on a CI runner: green unless it flakes (each change passes alone). A green
    /// run deploys the head to the lanes' deployment environment (staging), as a workflow that deploys pull requests does.
    /// </summary>
    private void RunChecks(SimulatedPullRequest pr)
    {
        var head = pr.Head;
        var checks = world.Config.Validation.RequiredChecks;
        foreach (var name in checks)
        {
            pr.SetCheck(name, CheckState.Pending);
        }

        ciWaiting.Enqueue(() =>
        {
            var green = random.NextDouble() >= settings.FlakeRate;
            if (pr.Head == head)
            {
                foreach (var name in checks)
                {
                    pr.SetCheck(name, green ? CheckState.Success : CheckState.Failure, green ? "passed" : "simulated flaky failure");
                }

                foreach (var environment in green ? Environments() : [])
                {
                    pr.Deployments.Add(new DeploymentSnapshot(environment, head, DeploymentState.Success, now));
                }
            }
        });
    }

    /// <summary>What the local forge's merge does: queue the head (the same head keeps its place).</summary>
    private void Enqueue(SimulatedPullRequest pr, string head, Lane lane)
    {
        if (!pr.Open || pr.Head != head || queue.Any(e => e.PullRequest == pr.Number && e.HeadSha == head))
        {
            return;
        }

        queue.RemoveAll(e => e.PullRequest == pr.Number);
        queue.Add(new MergeQueueEntry(pr.Number, head, lane, now));
    }

    /// <summary>Runs the queue until it must wait, exactly as the local forge does: the policy says test, merge, eject or wait.</summary>
    private void PumpQueue()
    {
        while (!validating)
        {
            queue.RemoveAll(e => !world.PullRequests.TryGetValue(e.PullRequest, out var p) || !p.Open || p.Head != e.HeadSha
                                 || p.Checks.LastOrDefault(c => c.Name == Planner.GateContext && c.Sha == p.Head) is { State: not CheckState.Success });
            var baseSha = world.MainSha;
            switch (MergeQueuePolicy.Next(queue, baseSha, results, lane => world.Config.Lane(lane).MergeQueue, now))
            {
                case QueueTest test:
                    Validate(baseSha, [.. test.Batch.Select(e => e.PullRequest)]);
                    break;
                case QueueMerge merge:
                    foreach (var entry in merge.Batch)
                    {
                        Land(entry);
                    }

                    world.MainVersion++;
                    redSince ??= Broken(onMain) ? now : null;
                    break;
                case QueueEject eject:
                    queue.Remove(eject.Entry);
                    ejected++;
                    world.PullRequests[eject.Entry.PullRequest].SetCheck(MergeQueueStatus.Context, CheckState.Failure, MergeQueueStatus.Fit(eject.Summary));
                    break;
                default:
                    WakeWhenDue();
                    return;
            }
        }
    }

    private void Validate(string baseSha, IReadOnlyList<int> members)
    {
        validating = true;
        validations++;
        // The queue validates one candidate at a time on its own runner (the local forge validates in the loop itself).
        At(now.AddMinutes(settings.CiMinutes), () =>
        {
            validating = false;
            var broken = Broken([.. onMain, .. members]);
            var flaked = random.NextDouble() < settings.FlakeRate;
            results.Add(new BatchResult(results.Count + 1, baseSha, members, !broken && !flaked,
                broken ? "two changes that pass alone fail together" : flaked ? "simulated flaky failure" : string.Empty));
        });
    }

    private void Land(MergeQueueEntry entry)
    {
        var pr = world.PullRequests[entry.PullRequest];
        queue.Remove(entry);
        pr.Merged = true;
        pr.Open = false;
        pr.MergeSha = world.MainSha;
        mergedTwice += onMain.Add(pr.Number) && mergedIssues.Add(pr.Item.Number) ? 0 : 1;
        var approved = pr.Reviews.Any(r => r.Agent is null && r.State == ReviewState.Approved && r.CommitSha == entry.HeadSha && r.SubmittedAt <= now);
        humanLaneUnapproved += pr.Item.Lane == Lane.Human && !approved ? 1 : 0;
        hourlyMerges[Hour(now)]++;
        if (Measured(now))
        {
            waits.Add((now - entry.EnqueuedAt).TotalMinutes);
        }
    }

    /// <summary>A batch waiting for company (queueWait) wakes the loop when its wait ends.</summary>
    private void WakeWhenDue()
    {
        var head = MergeQueueOrder.Order(queue).FirstOrDefault();
        if (head is not null && head.EnqueuedAt + world.Config.Lane(head.Lane).QueueWait is var due && due > now && wakes.Add(due))
        {
            At(due, () => { });
        }
    }

    /// <summary>Starts waiting pull-request checks on free CI runners, first come first served.</summary>
    private void PumpCi()
    {
        while (ciRunning < settings.CiSlots && ciWaiting.TryDequeue(out var job))
        {
            ciRunning++;
            At(now.AddMinutes(settings.CiMinutes), () =>
            {
                ciRunning--;
                job();
            });
        }
    }

    private IEnumerable<string> Environments() =>
        world.Config.Lanes.Values.Select(l => l.DeploymentEnvironment).OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);

    private bool Broken(HashSet<int> present) =>
        present.Any(n => world.PullRequests.TryGetValue(n, out var p) && p.Partner is { } other && present.Contains(other));
}
