namespace Autoship.Core.Planning;

/// <summary>The mutable scratchpad of one planning pass (private to the planner).</summary>
internal sealed class PlanContext(PlanInput input)
{
    public PlanInput Input { get; } = input;

    public List<PlannedAction> Actions { get; } = [];

    public List<ItemView> Items { get; } = [];

    public List<Reason> Notices { get; } = [];

    /// <summary>Issues that hold a slot: claimed, or with an open PR.</summary>
    public Dictionary<int, string?> Active { get; } = [];

    public void View(IssueSnapshot issue, ItemPhase phase, IReadOnlyList<Reason> reasons, Lane? lane = null, string? owner = null, string? reviewer = null,
        int? pr = null, GateVerdict? verdict = null, int attempt = 0, IReadOnlyList<string>? humanActions = null, QueuePlace? place = null) =>
        Items.Add(new ItemView(issue.Number, issue.Title, phase, lane, owner, reviewer, pr, verdict, attempt, reasons.ToList(), humanActions ?? []) { QueuePosition = place is null ? null : DispatchOrder.Explain(place, QueueLength, Input.Now), QueueRank = place?.Position });

    /// <summary>Adds a comment update only when the remembered phase or reasons changed (one comment, edited only when needed).</summary>
    public void Remember(IssueSnapshot issue, ItemMemory previous, ItemMemory next, string headline, IReadOnlyList<string> humanActions, int? pr)
    {
        if (Same(previous, next))
        {
            return;
        }

        Actions.Add(new UpdateComment(issue.Number, next, headline, humanActions, pr, next.Reasons));
    }

    /// <summary>Ready items that wait for a slot or a dependency this pass (what the stalled-handoff alert looks at).</summary>
    public List<QueueEntry> Waiting { get; } = [];

    /// <summary>How many ready items the dispatch order ranks this pass.</summary>
    public int QueueLength { get; set; }

    public List<QueueAlert> Health { get; } = [];

    public Plan ToPlan() => new(Actions, Items.OrderBy(i => i.Issue).ToList(), [.. Notices, .. Health.Select(h => h.AsReason())]) { Health = Health.ToList() };

    private static bool Same(ItemMemory a, ItemMemory b) =>
        a.Phase == b.Phase && a.Attempt == b.Attempt && a.Agent == b.Agent && a.Lane == b.Lane
        && a.Reasons.Select(r => r.Code + r.Message).SequenceEqual(b.Reasons.Select(r => r.Code + r.Message));
}
