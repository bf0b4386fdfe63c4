using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using CsCheck;
using static Autoship.Engine.Tests.Planning.Fake;
using static Autoship.Engine.Tests.Planning.Queued;

namespace Autoship.Engine.Tests.Planning;

/// <summary>Property-based checks (CsCheck: a failure prints the seed that replays it) of the dispatch order, dependencies and caps.</summary>
public sealed class QueueProperties
{
    private const int Iterations = 400;

    private static readonly Gen<QueueEntry> Entry =
        Gen.Select(Gen.Int[1, 500], Gen.Int[0, 4], Gen.Int[0, 2], Gen.Int[0, 100 * 60], (n, p, l, minutes) =>
            new QueueEntry(n, p, "p" + p, (Lane)l, Now.AddMinutes(-minutes)));

    private static readonly Gen<List<QueueEntry>> Entries =
        Entry.List[0, 30].Select(list => list.DistinctBy(e => e.Number).ToList());

    [Fact]
    public void Sort_AnyEntries_IsAPermutationInPriorityLaneAgeOrderWithStarvedFirst()
    {
        var queue = ConfigDefaults.Queue;
        Entries.Sample(entries =>
        {
            var sorted = DispatchOrder.Sort(entries, queue, Now);
            sorted.Select(p => p.Entry).OrderBy(e => e.Number).ShouldBe(entries.OrderBy(e => e.Number));
            for (var i = 1; i < sorted.Count; i++)
            {
                var (a, b) = (sorted[i - 1], sorted[i]);
                (a.Promoted || !b.Promoted).ShouldBeTrue("a starved entry is never behind one that is not");
                if (a.Promoted && b.Promoted)
                {
                    (a.Entry.WaitingSince <= b.Entry.WaitingSince).ShouldBeTrue("starved entries go oldest first");
                }
                else if (!a.Promoted && !b.Promoted)
                {
                    var ka = (a.Entry.Priority, (int)a.Entry.Lane, a.Entry.WaitingSince, a.Entry.Number);
                    var kb = (b.Entry.Priority, (int)b.Entry.Lane, b.Entry.WaitingSince, b.Entry.Number);
                    (ka.CompareTo(kb) < 0).ShouldBeTrue($"{ka} must come before {kb}");
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Sort_InputOrder_DoesNotMatter()
    {
        Gen.Select(Entries, Gen.Int).Sample((entries, salt) =>
        {
            var shuffled = entries.OrderBy(e => HashCode.Combine(e.Number, salt)).ToList();
            DispatchOrder.Sort(shuffled, ConfigDefaults.Queue, Now).Select(p => p.Entry.Number)
                .ShouldBe(DispatchOrder.Sort(entries, ConfigDefaults.Queue, Now).Select(p => p.Entry.Number));
        }, iter: Iterations);
    }

    [Fact]
    public void Sort_StarvationBound_NoEntryPastTheAgeWaitsBehindAYoungerOne()
    {
        var queue = ConfigDefaults.Queue;
        Entries.Sample(entries =>
        {
            var sorted = DispatchOrder.Sort(entries, queue, Now);
            foreach (var old in sorted.Where(p => Now - p.Entry.WaitingSince > queue.StarvationAge))
            {
                sorted.Where(p => p.Position < old.Position).ShouldAllBe(p => Now - p.Entry.WaitingSince > queue.StarvationAge);
            }
        }, iter: Iterations);
    }

    /// <summary>Random "blocked by" graphs over issues 1..n: an issue is told it is in a cycle exactly when it can reach itself.</summary>
    [Fact]
    public void DependencyGraph_RandomGraphs_CyclesAreExactlyTheSelfReachableIssues()
    {
        var graphs = Gen.Int[1, 9].SelectMany(n => Gen.Select(Gen.Int[1, n], Gen.Int[1, n]).List[0, 2 * n].Select(edges => (n, edges)));
        graphs.Sample(g =>
        {
            var (n, edges) = g;
            var blockers = Enumerable.Range(1, n).ToDictionary(i => i, i => edges.Where(e => e.Item1 == i).Select(e => e.Item2).Distinct().ToList());
            var issues = blockers.Select(b => Item(b.Key, "docs", body: string.Join("\n", b.Value.Select(v => $"Blocked by #{v}")))).ToList();
            var status = DependencyGraph.Evaluate(new RepositorySnapshot("local:test", "main", "sha", issues, [], Now));
            foreach (var i in blockers.Keys)
            {
                var inCycle = Reaches(blockers, i, i);
                (status[i].Cycle.Count > 0).ShouldBe(inCycle, $"issue {i} in {string.Join(",", edges)}");
                status[i].Cycle.ShouldAllBe(m => Reaches(blockers, i, m) && Reaches(blockers, m, i));
                status[i].Waits.ShouldBe(blockers[i].Count > 0);
            }
        }, iter: Iterations);
    }

    /// <summary>Random queues against random limits: the plan never exceeds the slots, the per-area cap or an agent's limit, and never starts blocked work.</summary>
    [Fact]
    public void Plan_RandomQueues_RespectsSlotsAreaCapsAgentLimitsAndDependencies()
    {
        string[] areas = ["docs", "ops", "test", "cli-sdk", "api"];
        var item = Gen.Select(Gen.Int[0, areas.Length - 1], Gen.Int[0, 4], Gen.Int[0, 80], Gen.Int[0, 6], (a, p, h, blocker) => (Area: areas[a], Priority: p, Hours: h, Blocker: blocker));
        var cases = Gen.Select(item.List[1, 12], Gen.Int[1, 6], Gen.Int[1, 4], Gen.Int[0, 3]);
        cases.Sample((items, slots, perAgent, perArea) =>
        {
            var issues = items.Select((x, i) => Item(i + 1, x.Area, "p" + x.Priority, x.Hours, body: x.Blocker > 0 && x.Blocker != i + 1 ? $"Blocked by #{x.Blocker}" : "body")).ToList();
            var config = Slots(slots, perAgent, perArea);
            var plan = Planner.Plan(Input(issues, config: config));
            var started = plan.Actions.OfType<StartAttempt>().Select(s => s.Order).ToList();

            started.Count.ShouldBeLessThanOrEqualTo(slots);
            started.GroupBy(o => o.Owner).ShouldAllBe(g => g.Count() <= perAgent);
            if (perArea > 0)
            {
                started.GroupBy(o => issues.Single(i => i.Number == o.Issue).Labels.First(Labels.IsArea)).ShouldAllBe(g => g.Count() <= perArea);
            }

            started.ShouldAllBe(o => DependencyLines.Parse(issues.Single(i => i.Number == o.Issue).Body).All(b => b > issues.Count));
            plan.Items.Where(i => i.Phase == ItemPhase.Queued).ShouldAllBe(i => i.QueuePosition != null && i.Reasons.Count > 0);

            // Nothing that was started ranks behind an item that waits only for a slot.
            var noSlot = plan.Items.Where(i => i.Reasons.Any(r => r.Code == "no-slot")).Select(i => i.QueueRank!.Value).DefaultIfEmpty(int.MaxValue).Min();
            plan.Items.Where(i => started.Any(o => o.Issue == i.Issue)).ShouldAllBe(i => i.QueueRank < noSlot);
        }, iter: Iterations);
    }

    private static bool Reaches(Dictionary<int, List<int>> edges, int from, int to)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(edges[from]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n == to)
            {
                return true;
            }

            if (seen.Add(n))
            {
                foreach (var m in edges[n])
                {
                    stack.Push(m);
                }
            }
        }

        return false;
    }
}
