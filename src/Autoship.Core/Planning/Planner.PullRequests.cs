using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>The commit status context Autoship publishes its gate decision under.</summary>
    public const string GateContext = "autoship/gate";

    private static void PlanPullRequest(PlanContext context, AutoshipConfig config, IssueSnapshot issue, ItemMemory memory, PullRequestSnapshot pr)
    {
        var input = context.Input;
        var order = WorkOrderCodec.TryParse(pr.Body);
        if (order is null)
        {
            var why = Because.One("no-work-order", $"PR #{pr.Number} is on an autoship/ branch but its body has no Autoship work order, so Autoship will not review or merge it");
            context.Apply(new ItemDecision(issue, ItemPhase.Held, why)
            {
                PullRequest = pr.Number,
                Verdict = GateVerdict.Hold,
                HumanActions = ["review and merge it yourself, or close it so that Autoship opens its own"],
            });
            return;
        }

        var desired = DesiredLabels(issue, pr, config, input.Snapshot.AttributeFiles, order.Owner, out var classification);
        var actions = new List<PlannedAction>();
        var (add, remove) = LabelChanges(pr.Labels, desired);
        var labelled = pr;
        if (add.Count > 0 || remove.Count > 0)
        {
            actions.Add(new SyncLabels(issue.Number, pr.Number, add, remove, classification.Reasons));
            labelled = pr with { Labels = Relabelled(pr.Labels, add, remove) };
        }

        var gate = MergeGate.Decide(new GateInput(labelled, classification, order.Owner, config)
        {
            PausedLanes = input.Controls.PausedLanes,
            KillSwitch = input.Controls.KillSwitch,
            HarnessLogins = input.Snapshot.HarnessLogins,
        });

        var reviewed = pr.Reviews.Any(r => r.Agent == order.Reviewer && r.CommitSha == pr.HeadSha && r.State is ReviewState.Approved or ReviewState.ChangesRequested);
        var review = !reviewed && classification.Allowed && gate.Verdict != GateVerdict.Reject;
        // loop.maxConcurrent bounds agents running: a PR waiting for CI, a merge or a person holds no slot; one being
        // reviewed (or whose job, a review or a fix, still runs) holds one.
        var running = input.Running.Contains(issue.Number);
        if (review || running)
        {
            context.Active[issue.Number] = review ? order.Reviewer : order.Owner;
        }

        if (review && !running)
        {
            actions.Add(new ReviewPullRequest(order, pr.Number, pr.HeadSha, Because.One(
                "review-needed", $"{order.Reviewer} has not reviewed head {Short(pr.HeadSha)} yet")));
        }

        // While a review is pending, the next pass decides with it: publishing now would be rewritten at once.
        var published = pr.Checks.LastOrDefault(c => c.Name == GateContext && c.Sha == pr.HeadSha);
        if (!review && !running && (published?.Description != gate.Summary || published.State != StatusOf(gate.Verdict)))
        {
            actions.Add(new PublishGate(issue.Number, pr.Number, pr.HeadSha, gate));
        }

        if (!review && MergeGroupGate(issue.Number, pr, gate) is { } groupGate)
        {
            actions.Add(groupGate);
        }

        var phase = gate.Verdict switch
        {
            GateVerdict.Hold => ItemPhase.Held,
            GateVerdict.Reject => order.Attempt >= config.Loop.MaxAttempts ? ItemPhase.Blocked : ItemPhase.Released,
            _ => ItemPhase.PullRequest,
        };
        var decision = new ItemDecision(issue, phase, gate.Reasons)
        {
            Lane = gate.Lane, Owner = order.Owner, Reviewer = order.Reviewer, PullRequest = pr.Number, Verdict = gate.Verdict,
            Attempt = order.Attempt, HumanActions = gate.HumanActions, Actions = actions,
        };
        var worked = memory with { Attempt = order.Attempt, Agent = order.Owner, Reviewer = order.Reviewer, Lane = gate.Lane };
        var mainRed = Queue.MainHealth.RedReasons(input.Snapshot, config.Validation.RequiredChecks);
        var checkRejected = gate.Verdict == GateVerdict.Reject && gate.Reasons.Any(r => r.Code == "check-failed");
        // The red-main issue's own fix is the one PR that may merge onto a red main (its merge candidate must pass).
        if (mainRed.Count > 0 && !review && !Queue.MainRedIssue.Is(issue) && (gate.Verdict == GateVerdict.Merge || checkRejected))
        {
            // A red main is nobody's item: no merge onto it, and no attempt burnt on checks that may be main's failure.
            context.Apply(new ItemDecision(issue, ItemPhase.PullRequest, [.. mainRed, .. gate.Reasons])
            {
                Lane = gate.Lane, Owner = order.Owner, Reviewer = order.Reviewer, PullRequest = pr.Number, Verdict = GateVerdict.Wait,
                Attempt = order.Attempt, HumanActions = gate.HumanActions, Actions = actions,
            }.Remember(memory, worked with { Phase = ItemPhase.PullRequest, Reasons = mainRed }, $"PR #{pr.Number} waits: {input.Snapshot.DefaultBranch} is red", []));
            return;
        }

        // A job still running for the PR (its review, or a fix forward) decides the next step when it is collected.
        var fix = review || running ? null : FixForward(context, config, decision, memory, worked, pr, order, gate, classification.Allowed);
        context.Apply(fix ?? (review || running ? (GateVerdict?)null : gate.Verdict) switch
        {
            GateVerdict.Merge when pr.ForgeQueue is { } queued => InForgeQueue(decision, queued)
                .Remember(memory, worked with { Phase = ItemPhase.PullRequest, Reasons = [] }, $"PR #{pr.Number} open", []),
            GateVerdict.Merge => decision.Act(new MergePullRequest(issue.Number, pr.Number, pr.HeadSha, pr.Title, gate.Lane, gate.Reasons)),
            GateVerdict.Reject when order.Attempt >= config.Loop.MaxAttempts => Exhausted(decision, memory, worked, gate.Reasons, config.Loop.MaxAttempts),
            GateVerdict.Reject => decision
                .Act(new ReleaseClaim(issue.Number, pr.Number, order.Attempt + 1, gate.Reasons))
                .Remember(memory, worked with { Phase = ItemPhase.Released, Reasons = gate.Reasons, RetryAfter = input.Now + RetryBackoff.After(order.Attempt, config.Loop) },
                    $"PR #{pr.Number} rejected; retrying", []),
            GateVerdict.Hold => decision.Remember(memory, worked with { Phase = ItemPhase.Held, Reasons = gate.Reasons }, $"PR #{pr.Number} needs a human"),
            GateVerdict.Wait => decision.Remember(memory, worked with { Phase = ItemPhase.PullRequest, Reasons = [] }, $"PR #{pr.Number} open", []),
            _ => decision,
        });
    }

    /// <summary>A rejected PR on the last attempt: the item is blocked with the gate's reasons and the attempt count.</summary>
    private static ItemDecision Exhausted(ItemDecision decision, ItemMemory memory, ItemMemory worked, IReadOnlyList<Reason> gateReasons, int maxAttempts)
    {
        var pr = decision.PullRequest!.Value;
        var reasons = gateReasons.Append(new Reason("max-attempts", $"{decision.Attempt} of {Plural.Of(maxAttempts, "attempt")} used")).ToList();
        return decision
            .Act(new BlockItem(decision.Issue.Number, pr, decision.Attempt, reasons))
            .Remember(memory, worked with { Phase = ItemPhase.Blocked, Reasons = reasons }, "blocked", BlockedActions);
    }

    /// <summary>The size and lane labels the PR should carry, and <c>autonomy:safe</c> when a maintainer put it on the issue.</summary>
    private static List<string> DesiredLabels(IssueSnapshot issue, PullRequestSnapshot pr, AutoshipConfig config, GitAttributeFiles? gitAttributes, string author, out Classification classification)
    {
        // Area, risk and lane labels come from the issue, where people put them; Autoship's own lane label on the PR
        // is output, never input (it would pin a lane the diff no longer has). Labels raise lanes, never lower them.
        // Loops rather than LINQ chains: this runs for every open PR on every tick.
        var areaAndRisk = new List<string>();
        var lanes = new List<string>();
        foreach (var l in issue.Labels)
        {
            if (Labels.IsArea(l) || Labels.IsRisk(l))
            {
                areaAndRisk.Add(l);
            }
            else if (Labels.IsLane(l))
            {
                lanes.Add(l);
            }
        }

        var safeTrusted = issue.HasLabel(Labels.Safe) && issue.LastAppliedBy(Labels.Safe) is { CanWrite: true };
        // The classifier reads, each once: the PR's labels but its lane:* (output), then the issue's area and risk
        // labels, then the issue's lane:* labels.
        var input = new List<string>();
        foreach (var l in pr.Labels)
        {
            if (!Labels.IsLane(l))
            {
                AddDistinct(input, l);
            }
        }

        AddDistinct(input, areaAndRisk);
        AddDistinct(input, lanes);

        classification = Classifier.Classify(input, pr.Files, config, gitAttributes, pr.TreeLinks, author);
        var desired = new List<string>(areaAndRisk.Count + 3);
        AddDistinct(desired, classification.Size.Label());
        AddDistinct(desired, Labels.LanePrefix + classification.Lane.Name());
        AddDistinct(desired, areaAndRisk);
        if (safeTrusted)
        {
            AddDistinct(desired, Labels.Safe);
        }

        return desired;
    }

    /// <summary>The desired labels the PR lacks, and its size and lane labels that are not desired (case-insensitive).</summary>
    private static (List<string> Add, List<string> Remove) LabelChanges(IReadOnlyList<string> current, List<string> desired)
    {
        var add = new List<string>();
        foreach (var l in desired)
        {
            if (!Labels.Has(current, l))
            {
                add.Add(l);
            }
        }

        var remove = new List<string>();
        foreach (var l in current)
        {
            if ((Labels.IsSize(l) || Labels.IsLane(l)) && !Labels.Has(desired, l))
            {
                remove.Add(l);
            }
        }

        return (add, remove);
    }

    /// <summary>The labels after a sync: the current ones but the removed (each once, in order), then the added.</summary>
    private static List<string> Relabelled(IReadOnlyList<string> current, List<string> add, List<string> remove)
    {
        var labels = new List<string>(current.Count + add.Count);
        foreach (var l in current)
        {
            if (!Labels.Has(remove, l))
            {
                AddDistinct(labels, l);
            }
        }

        labels.AddRange(add);
        return labels;
    }

    private static void AddDistinct(List<string> labels, string label)
    {
        if (!Labels.Has(labels, label))
        {
            labels.Add(label);
        }
    }

    private static void AddDistinct(List<string> labels, List<string> more)
    {
        foreach (var label in more)
        {
            AddDistinct(labels, label);
        }
    }

    public static CheckState StatusOf(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Merge => CheckState.Success,
        GateVerdict.Reject => CheckState.Failure,
        _ => CheckState.Pending,
    };

    private static string Short(string sha) => sha[..Math.Min(7, sha.Length)];
}
