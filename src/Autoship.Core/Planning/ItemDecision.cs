namespace Autoship.Core.Planning;

/// <summary>
/// The planner's one decision about one item in a pass: where it stands and why (the view that <c>status</c>,
/// <c>explain</c> and the dashboard show), what Autoship remembers on the issue (its one comment, edited only when
/// the memory changes) and what to do (the actions). Each planner branch builds exactly one; <see cref="PlanContext.Apply"/>
/// is the one place that turns it into actions, a comment update and a view.
/// </summary>
internal sealed record ItemDecision(IssueSnapshot Issue, ItemPhase Phase, IReadOnlyList<Reason> Reasons)
{
    public Lane? Lane { get; init; }

    public string? Owner { get; init; }

    public string? Reviewer { get; init; }

    public int? PullRequest { get; init; }

    public GateVerdict? Verdict { get; init; }

    public int Attempt { get; init; }

    /// <summary>What a person must do, shown in the view (and in the comment unless it says otherwise).</summary>
    public IReadOnlyList<string> HumanActions { get; init; } = [];

    public IReadOnlyList<PlannedAction> Actions { get; init; } = [];

    /// <summary>For ready work: its place in the dispatch order and why (see <see cref="ItemView.QueuePosition"/>).</summary>
    public Reason? QueuePosition { get; init; }

    public int? QueueRank { get; init; }

    /// <summary>The memory to keep on the issue, when this decision changes it.</summary>
    public ItemComment? Comment { get; init; }

    /// <summary>A decision that carries the lane, agents and attempt remembered from earlier passes.</summary>
    public static ItemDecision Remembered(IssueSnapshot issue, ItemPhase phase, IReadOnlyList<Reason> reasons, ItemMemory memory) =>
        new(issue, phase, reasons) { Lane = memory.Lane, Owner = memory.Agent, Reviewer = memory.Reviewer, Attempt = memory.Attempt };

    public ItemDecision Act(params PlannedAction[] actions) => this with { Actions = [.. Actions, .. actions] };

    /// <summary>Keeps <paramref name="next"/> on the issue, headed <paramref name="headline"/>; the comment lists
    /// <paramref name="humanActions"/>, or the view's human actions when none are given.</summary>
    public ItemDecision Remember(ItemMemory previous, ItemMemory next, string headline, IReadOnlyList<string>? humanActions = null) =>
        this with { Comment = new ItemComment(previous, next, headline, humanActions) };

    public ItemView ToView() =>
        new(Issue.Number, Issue.Title, Phase, Lane, Owner, Reviewer, PullRequest, Verdict, Attempt, Frozen(Reasons), HumanActions)
        {
            QueuePosition = QueuePosition,
            QueueRank = QueueRank,
        };

    // A mutable list is copied so that the view never changes under its reader; a collection expression's list is
    // read-only already and is shared (dispatch gives thousands of queued items the same one).
    private static IReadOnlyList<Reason> Frozen(IReadOnlyList<Reason> reasons) => reasons is List<Reason> list ? list.ToList() : reasons;
}

/// <summary>The memory an item's comment should hold after a decision (see <see cref="ItemDecision.Comment"/>).</summary>
internal sealed record ItemComment(ItemMemory Previous, ItemMemory Next, string Headline, IReadOnlyList<string>? HumanActions);
