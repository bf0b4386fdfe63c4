using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>Plans one observed issue; returns its triage when it is a candidate for a new attempt.</summary>
    private static TriageDecision? PlanIssue(PlanContext context, AutoshipConfig config, IssueSnapshot issue, ItemMemory memory, List<PullRequestSnapshot> prs)
    {
        var openPr = prs.FirstOrDefault(p => p.Open);
        var mergedPr = prs.FirstOrDefault(p => p.Merged);

        if (openPr is null && mergedPr is not null)
        {
            var reasons = Because.One("resolved", $"PR #{mergedPr.Number} that fixes it was merged");
            context.Apply((ItemDecision.Remembered(issue, ItemPhase.Merged, reasons, memory) with { PullRequest = mergedPr.Number, Verdict = GateVerdict.Merge })
                .Act(new CloseResolved(issue.Number, mergedPr.Number, reasons))
                .Remember(memory, memory with { Phase = ItemPhase.Merged, Reasons = reasons }, $"merged in #{mergedPr.Number}"));
            return null;
        }

        if (issue.HasLabel(Labels.Blocked))
        {
            var reasons = memory.Phase == ItemPhase.Blocked && memory.Reasons.Count > 0
                ? memory.Reasons
                : Because.One("blocked", "labeled autonomy:blocked: remove the label to let agents try again");
            var blocked = ItemDecision.Remembered(issue, ItemPhase.Blocked, reasons, memory) with
            {
                PullRequest = openPr?.Number,
                HumanActions = ["fix what the reasons say, then remove autonomy:blocked to let the agents try again"],
            };
            context.Apply(openPr is null ? blocked : blocked.Act(new StopWork(issue.Number, openPr.Number, openPr.HeadBranch, Because.One(
                "blocked", "autonomy:blocked was added, so the open PR is closed and its branch deleted"))));
            return null;
        }

        if (openPr is not null)
        {
            // An open PR holds a slot of loop.maxConcurrent only while an agent runs for it (see PlanPullRequest).
            PlanPullRequest(context, config, issue, memory, openPr);
            return null;
        }

        if (issue.HasLabel(Labels.Claimed))
        {
            context.Active[issue.Number] = memory.Agent;
            PlanClaim(context, config, issue, memory);
            return null;
        }

        // A person removed autonomy:blocked: the item starts afresh — only when that person may write to the repository.
        if (memory.Phase == ItemPhase.Blocked)
        {
            if (BlockedRemovalUntrusted(context, config, issue) is { } untrusted)
            {
                context.Apply(ItemDecision.Remembered(issue, ItemPhase.Blocked, [untrusted, .. memory.Reasons], memory) with
                {
                    HumanActions = [$"a maintainer with write access re-adds and removes {Labels.Blocked} to let the agents try again"],
                });
                return null;
            }

            memory = memory with { Attempt = 0 };
        }

        var triage = TriagePolicy.Evaluate(issue, config);
        if (triage.Eligible)
        {
            return triage;
        }

        if (!issue.HasLabel(Labels.Ready))
        {
            // Not asked for (e.g. only autonomy:safe): nothing to say on the issue.
            context.Apply(new ItemDecision(issue, ItemPhase.Skipped, triage.Reasons) { Attempt = memory.Attempt });
            return null;
        }

        // Explained once on the issue; the comment is only edited again when the reasons change.
        context.Apply(new ItemDecision(issue, ItemPhase.Skipped, triage.Reasons) { Attempt = memory.Attempt, HumanActions = HumanActionsFor(triage) }
            .Remember(memory, memory with { Phase = ItemPhase.Skipped, Reasons = triage.Reasons }, "not taken"));
        return null;
    }

    private static void PlanClaim(PlanContext context, AutoshipConfig config, IssueSnapshot issue, ItemMemory memory)
    {
        var input = context.Input;
        var claimedAt = memory.ClaimedAt ?? issue.LastAppliedAt(Labels.Claimed) ?? issue.UpdatedAt;
        var attempt = Math.Max(memory.Attempt, 1);
        var agent = memory.Agent ?? "unknown agent";
        if (input.Running.Contains(issue.Number))
        {
            context.Apply(ItemDecision.Remembered(issue, ItemPhase.Claimed, Because.One("running", $"{agent} is working on attempt {attempt}"), memory) with { Attempt = attempt });
            return;
        }

        var ours = memory.Phase == ItemPhase.Claimed && memory.Agent is not null && config.Agent(memory.Agent) is not null;
        var age = input.Now - claimedAt;
        if (ours && age < config.Loop.ClaimTimeout && input.Config is not null
            && TriagePolicy.Evaluate(issue with { Labels = issue.Labels.Where(l => !string.Equals(l, Labels.Claimed, StringComparison.OrdinalIgnoreCase)).ToList() }, config) is { Eligible: true } triage)
        {
            // Our claim, no PR, nobody running it (we hold the lease): the previous tick stopped mid-attempt. Resume it.
            var ownership = OwnershipPolicy.Assign(triage.Area!, config);
            if (ownership.Assigned)
            {
                var order = WorkOrderFactory.Create(input.Snapshot.Repository, issue, triage.Area!, triage.Risk!, ownership, config, attempt, input.Now);
                var reasons = Because.One("resume", $"attempt {attempt} was claimed at {claimedAt:u} but has no PR and nothing is running it: resuming");
                context.Apply(new ItemDecision(issue, ItemPhase.Claimed, reasons) { Lane = order.Lane, Owner = order.Owner, Reviewer = order.Reviewer, Attempt = attempt }
                    .Act(new StartAttempt(order, Resume: true, reasons)));
                return;
            }
        }

        var decision = ClaimPolicy.Evaluate(new ClaimState(issue.Number, agent, attempt, claimedAt, false), input.Now, config.Loop);
        ItemDecision Claim(ItemPhase phase) => ItemDecision.Remembered(issue, phase, decision.Reasons, memory) with { Attempt = attempt };
        var remembered = memory with { Attempt = attempt, Reasons = decision.Reasons };
        context.Apply(decision.Action switch
        {
            ClaimAction.Keep => Claim(ItemPhase.Claimed),
            ClaimAction.Release => Claim(ItemPhase.Released)
                .Act(new ReleaseClaim(issue.Number, null, decision.NextAttempt, decision.Reasons))
                .Remember(memory, remembered with { Phase = ItemPhase.Released }, "claim released"),
            _ => (Claim(ItemPhase.Blocked) with { HumanActions = BlockedActions })
                .Act(new BlockItem(issue.Number, null, attempt, decision.Reasons))
                .Remember(memory, remembered with { Phase = ItemPhase.Blocked }, "blocked"),
        });
    }

    public static readonly IReadOnlyList<string> BlockedActions =
        ["read the reasons, fix the issue text or the code, then remove autonomy:blocked to let the agents try again"];

    private static IReadOnlyList<string> HumanActionsFor(TriageDecision triage) =>
        triage.Reasons.Select(r => r.Code switch
        {
            "multiple-areas" => "keep exactly one area:* label so that a single agent owns the item",
            "no-area" or "unknown-area" => "add exactly one area:* label (area:api, area:web, area:auth, area:cli-sdk, area:runtime, area:test, area:infra, area:ops, area:docs)",
            "no-risk" or "multiple-risks" => "add exactly one risk label (risk:low, risk:medium or risk:high)",
            "ready-untrusted" => "a maintainer with write access must apply autonomy:ready",
            _ => null,
        }).Where(a => a is not null).Select(a => a!).Distinct().ToList();

}
