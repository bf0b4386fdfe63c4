namespace Autoship.Core.Planning;

/// <summary>
/// One step that brings the forge to the desired state. Every action is idempotent when applied (check before
/// create, expected head SHA on merge, marker comments) and carries the reasons it was planned.
/// </summary>
public abstract record PlannedAction(int Issue, IReadOnlyList<Reason> Reasons)
{
    /// <summary>A stable kebab-case name for the event log and the dry-run table.</summary>
    public abstract string Kind { get; }

    /// <summary>One line for people.</summary>
    public abstract string Describe();
}

/// <summary>
/// Claim the item for its owning agent and run one author attempt (or resume an orphaned one). With
/// <see cref="PullRequest"/> set the attempt fixes that PR forward: it continues from <see cref="ContinueFrom"/> (the
/// PR's head) on the same branch, with <see cref="WorkOrder.Feedback"/> in its prompt, and updates the PR.
/// </summary>
public sealed record StartAttempt(WorkOrder Order, bool Resume, IReadOnlyList<Reason> Reasons) : PlannedAction(Order.Issue, Reasons)
{
    public int? PullRequest { get; init; }

    public string? ContinueFrom { get; init; }

    /// <summary>When the previous attempt on <see cref="PullRequest"/> started: the PR's comments since then reach the prompt (<see cref="HumanComments"/>).</summary>
    public DateTimeOffset? CommentsSince { get; init; }

    public override string Kind => PullRequest is not null ? "fix-forward" : Resume ? "resume-attempt" : "start-attempt";

    public override string Describe() => PullRequest is { } pr
        ? $"#{Issue}: fix PR #{pr} forward, attempt {Order.Attempt} by {Order.Owner} (lane {Order.Lane.Name()}{Findings(Order.Feedback.Count)})"
        : $"#{Issue}: {(Resume ? "resume" : "start")} attempt {Order.Attempt} by {Order.Owner} (lane {Order.Lane.Name()})";

    /// <summary>", 1 finding" / ", 2 findings"; nothing for a collected job (its findings went to its agent, not the ledger).</summary>
    public static string Findings(int count) => count switch
    {
        0 => string.Empty,
        1 => ", 1 finding",
        _ => $", {count} findings",
    };
}

/// <summary>Release a claim (closing its PR when there is one) so that the item is tried again.</summary>
public sealed record ReleaseClaim(int Issue, int? PullRequest, int NextAttempt, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "release";

    public override string Describe() => $"#{Issue}: release claim (next attempt {NextAttempt})" + (PullRequest is { } pr ? $", close PR #{pr}" : string.Empty);
}

/// <summary>Mark the item <c>autonomy:blocked</c> with the reason (closing its PR when there is one).</summary>
public sealed record BlockItem(int Issue, int? PullRequest, int Attempts, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "block";

    public override string Describe() => $"#{Issue}: block after {Plural.Of(Attempts, "attempt")}";
}

/// <summary>The issue was closed or lost its autonomy labels: stop the work and clean up.</summary>
public sealed record StopWork(int Issue, int? PullRequest, string? Branch, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "stop";

    public override string Describe() => $"#{Issue}: stop work" + (PullRequest is { } pr ? $", close PR #{pr}" : string.Empty);
}

/// <summary>Run the reviewer agent on the PR's current head and submit its verdict.</summary>
public sealed record ReviewPullRequest(WorkOrder Order, int PullRequest, string HeadSha, IReadOnlyList<Reason> Reasons) : PlannedAction(Order.Issue, Reasons)
{
    public override string Kind => "review";

    public override string Describe() => $"#{Issue}: review PR #{PullRequest} at {HeadSha[..Math.Min(7, HeadSha.Length)]} by {Order.Reviewer}";
}

/// <summary>Bring the PR's size and lane labels in line with its diff.</summary>
public sealed record SyncLabels(int Issue, int PullRequest, IReadOnlyList<string> Add, IReadOnlyList<string> Remove, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "labels";

    public override string Describe() => $"#{Issue}: PR #{PullRequest} labels +[{string.Join(", ", Add)}] -[{string.Join(", ", Remove)}]";
}

/// <summary>Publish the gate's decision as the <c>autoship/gate</c> status on the PR head.</summary>
public sealed record PublishGate(int Issue, int PullRequest, string HeadSha, GateDecision Decision) : PlannedAction(Issue, Decision.Reasons)
{
    public override string Kind => "gate";

    public override string Describe() => $"#{Issue}: PR #{PullRequest} gate {Decision.Verdict.ToString().ToLowerInvariant()}";
}

/// <summary>Squash-merge the PR, only if its head is still <see cref="HeadSha"/>.</summary>
public sealed record MergePullRequest(int Issue, int PullRequest, string HeadSha, string Title, Lane Lane, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "merge";

    public override string Describe() => $"#{Issue}: merge PR #{PullRequest} (lane {Lane.Letter()} {Lane.Name()})";
}

/// <summary>The merged PR already resolves the issue: close it and clear the claim.</summary>
public sealed record CloseResolved(int Issue, int PullRequest, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "close";

    public override string Describe() => $"#{Issue}: close (resolved by merged PR #{PullRequest})";
}

/// <summary>Update the item's one Autoship comment (where it stands; on a hold, what a human must do).</summary>
public sealed record UpdateComment(int Issue, ItemMemory Memory, string Headline, IReadOnlyList<string> HumanActions, int? PullRequest, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "comment";

    public override string Describe() => $"#{Issue}: comment — {Headline}";
}

/// <summary>The base branch is red: file (or reopen and update) the one red-main issue for the agent owning <c>area:test</c>.</summary>
public sealed record ReportMainRed(string Branch, string Sha, IReadOnlyList<CheckSnapshot> Failing, IReadOnlyList<Reason> Reasons) : PlannedAction(0, Reasons)
{
    public override string Kind => "main-red";

    public override string Describe() => $"{Branch} is red at {Sha[..Math.Min(7, Sha.Length)]}: file the issue for {Queue.MainRedIssue.Area}";
}

/// <summary>The base branch is green again: close the red-main issue <see cref="PlannedAction.Issue"/>.</summary>
public sealed record CloseMainRed(int Issue, IReadOnlyList<Reason> Reasons) : PlannedAction(Issue, Reasons)
{
    public override string Kind => "main-green";

    public override string Describe() => $"#{Issue}: the base is green again; close the red-main issue";
}
