using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>
/// The pure heart of a tick: from what the forge says now, the configuration and the item memories, the actions
/// that bring the repository to the desired state, and where every item stands. No I/O, no clock.
/// </summary>
public static partial class Planner
{
    public static Plan Plan(PlanInput input)
    {
        var context = new PlanContext(input);
        if (input.Config is null)
        {
            context.Notices.Add(new Reason(
                "config-invalid",
                $"the configuration on {input.Snapshot.DefaultBranch} is invalid, so no new work is dispatched: " +
                string.Join("; ", input.ConfigErrors.Take(3).Select(e => e.ToString()))));
        }

        var config = input.Config ?? input.LastGoodConfig;
        if (config is null)
        {
            foreach (var issue in input.Snapshot.Issues)
            {
                context.Apply(new ItemDecision(issue, ItemPhase.Skipped, context.Notices));
            }

            return context.ToPlan();
        }

        if (input.Controls.KillSwitch || config.Loop.KillSwitch)
        {
            context.Notices.Add(new Reason("kill-switch", "the kill switch is on: no agent starts and nothing merges until it is turned off"));
        }

        var mainRed = Queue.MainHealth.RedReasons(input.Snapshot, config.Validation.RequiredChecks);
        context.Notices.AddRange(mainRed);
        PlanMainHealth(context, config, mainRed);

        var prsByIssue = input.Snapshot.PullRequests
            .Select(pr => (pr, issue: BranchNames.IssueOf(pr.HeadBranch)))
            .Where(x => x.issue is not null)
            .ToLookup(x => x.issue!.Value, x => x.pr);
        var observed = input.Snapshot.Issues.Select(i => i.Number).ToHashSet();

        foreach (var orphan in input.Snapshot.PullRequests.Where(pr => pr.Open && BranchNames.IssueOf(pr.HeadBranch) is { } n && !observed.Contains(n)))
        {
            var n = BranchNames.IssueOf(orphan.HeadBranch)!.Value;
            context.Actions.Add(new StopWork(n, orphan.Number, orphan.HeadBranch, Because.One(
                "issue-gone", $"issue #{n} is closed or no longer labeled autonomy:*, so its PR #{orphan.Number} is closed and its branch deleted")));
        }

        var candidates = new List<(IssueSnapshot Issue, TriageDecision Triage, ItemMemory Memory)>();
        foreach (var issue in input.Snapshot.Issues.OrderBy(i => i.Number))
        {
            var memory = input.Memories.GetValueOrDefault(issue.Number) ?? ItemMemory.Empty;
            var prs = prsByIssue[issue.Number].ToList();
            if (PlanIssue(context, config, issue, memory, prs) is { } triage)
            {
                candidates.Add((issue, triage, memory));
            }
        }

        if (input.Config is not null)
        {
            Dispatch(context, input.Config, candidates);
            context.Health.AddRange(QueueHealth.Evaluate(input, config, context.Items, context.Waiting, context.Actions.OfType<StartAttempt>().Any()));
        }
        else
        {
            foreach (var (issue, _, memory) in candidates)
            {
                context.Apply(new ItemDecision(issue, ItemPhase.Queued, context.Notices) { Attempt = memory.Attempt });
            }
        }

        return context.ToPlan();
    }
}
