using System.Diagnostics;
using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Benchmarks;

/// <summary>
/// <c>--stages</c>: the public stages a plan runs per item (triage per issue; work-order parse, classification and gate
/// per PR), each over the 10,000-item repository, with its time and bytes allocated per item: where to look first.
/// </summary>
internal static class PlannerStages
{
    public static void Run(TextWriter output)
    {
        var input = SyntheticRepository.Build(readyIssues: 8_000, openPullRequests: 2_000);
        var config = input.Config!;
        var snapshot = input.Snapshot;
        var prIssues = snapshot.PullRequests.Select(pr => snapshot.Issues.First(i => BranchNames.IssueOf(pr.HeadBranch) == i.Number)).ToList();
        output.WriteLine("| stage | items | ms | allocated KB / item |");
        output.WriteLine("|---|---|---|---|");
        Measure(output, "Planner.Plan (whole)", 10_000, () => Planner.Plan(input));
        var issuesOnly = SyntheticRepository.Build(readyIssues: 8_000, openPullRequests: 0);
        Measure(output, "Planner.Plan (ready issues only)", 8_000, () => Planner.Plan(issuesOnly));
        var prsOnly = SyntheticRepository.Build(readyIssues: 0, openPullRequests: 2_000);
        Measure(output, "Planner.Plan (open PRs only)", 2_000, () => Planner.Plan(prsOnly));
        Measure(output, "TriagePolicy.Evaluate (issues)", snapshot.Issues.Count, () =>
        {
            foreach (var issue in snapshot.Issues)
            {
                TriagePolicy.Evaluate(issue, config);
            }
        });
        Measure(output, "WorkOrderCodec.TryParse (PRs)", snapshot.PullRequests.Count, () =>
        {
            foreach (var pr in snapshot.PullRequests)
            {
                WorkOrderCodec.TryParse(pr.Body);
            }
        });
        Measure(output, "LaneClassifier.Classify (PRs)", snapshot.PullRequests.Count, () =>
        {
            for (var i = 0; i < snapshot.PullRequests.Count; i++)
            {
                LaneClassifier.Classify(prIssues[i].Labels, snapshot.PullRequests[i].Files, config);
            }
        });
        Measure(output, "Classifier.Classify (PRs)", snapshot.PullRequests.Count, () =>
        {
            for (var i = 0; i < snapshot.PullRequests.Count; i++)
            {
                Classifier.Classify(prIssues[i].Labels, snapshot.PullRequests[i].Files, config, null, null, "x");
            }
        });
        Measure(output, "SizingPolicy.Measure (PRs)", snapshot.PullRequests.Count, () =>
        {
            foreach (var pr in snapshot.PullRequests)
            {
                SizingPolicy.Measure(pr.Files, config.Sizing, null);
            }
        });
        var sizes = snapshot.PullRequests.Select(pr => SizingPolicy.Measure(pr.Files, config.Sizing, null)).ToList();
        Measure(output, "GuardrailPolicy.Check (PRs)", snapshot.PullRequests.Count, () =>
        {
            for (var i = 0; i < snapshot.PullRequests.Count; i++)
            {
                GuardrailPolicy.Check(snapshot.PullRequests[i].Files, Lane.Staging, sizes[i], config);
            }
        });
        Measure(output, "OwnershipGuard.Check (PRs)", snapshot.PullRequests.Count, () =>
        {
            foreach (var pr in snapshot.PullRequests)
            {
                OwnershipGuard.Check("x", pr.Files, config);
            }
        });
        Measure(output, "LaneClassifier.Classify (PRs, no labels)", snapshot.PullRequests.Count, () =>
        {
            foreach (var pr in snapshot.PullRequests)
            {
                LaneClassifier.Classify([], pr.Files, config);
            }
        });
        var classified = snapshot.PullRequests.Select((pr, i) => Classifier.Classify(prIssues[i].Labels, pr.Files, config, null)).ToList();
        Measure(output, "MergeGate.Decide (PRs)", snapshot.PullRequests.Count, () =>
        {
            for (var i = 0; i < snapshot.PullRequests.Count; i++)
            {
                MergeGate.Decide(new GateInput(snapshot.PullRequests[i], classified[i], "x", config));
            }
        });
        Measure(output, "LaneClassifier.Classify (issue labels)", snapshot.Issues.Count, () =>
        {
            foreach (var issue in snapshot.Issues)
            {
                LaneClassifier.Classify(issue.Labels, [], config);
            }
        });
    }

    private static void Measure(TextWriter output, string name, int items, Action stage)
    {
        stage();
        var times = new double[5];
        long allocated = 0;
        for (var r = 0; r < times.Length; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            stage();
            times[r] = watch.Elapsed.TotalMilliseconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Array.Sort(times);
        var g0 = GC.CollectionCount(0);
        var g1 = GC.CollectionCount(1);
        var g2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        stage();
        output.WriteLine($"| {name} | {items:N0} | {times[2]:F1} | {allocated / 1024.0 / items:F2} | gc {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2} pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms |");
    }
}
