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

    /// <summary>The one place a decision becomes actions, a comment update (only when the memory changed) and a view.</summary>
    public void Apply(ItemDecision decision)
    {
        UpdateComment? update = decision.Comment is { } comment && !Same(comment.Previous, comment.Next)
            ? new UpdateComment(decision.Issue.Number, comment.Next, comment.Headline, comment.HumanActions ?? decision.HumanActions, decision.PullRequest, comment.Next.Reasons)
            : null;

        // An item about to be closed gets its final comment first: a closed issue is never observed again, so a kill
        // between the two must not leave the comment stale.
        var closing = decision.Actions.Any(a => a is CloseResolved);
        if (update is not null && closing)
        {
            Actions.Add(update);
        }

        Actions.AddRange(decision.Actions);
        if (update is not null && !closing)
        {
            Actions.Add(update);
        }

        Items.Add(decision.ToView());
    }

    /// <summary>Ready items that wait for a slot or a dependency this pass (what the stalled-handoff alert looks at).</summary>
    public List<QueueEntry> Waiting { get; } = [];

    public List<QueueAlert> Health { get; } = [];

    public Plan ToPlan() => new(Actions, Items.OrderBy(i => i.Issue).ToList(), [.. Notices, .. Health.Select(h => h.AsReason())]) { Health = Health.ToList() };

    private static bool Same(ItemMemory a, ItemMemory b) =>
        a.Phase == b.Phase && a.Attempt == b.Attempt && a.Agent == b.Agent && a.Lane == b.Lane
        && a.Reasons.Select(r => r.Code + r.Message).SequenceEqual(b.Reasons.Select(r => r.Code + r.Message));
}
