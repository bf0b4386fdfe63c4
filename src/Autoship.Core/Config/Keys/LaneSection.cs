namespace Autoship.Core.Config;

/// <summary>The keys of <c>lanes.&lt;lane&gt;</c>, each with the seed's value in every lane (the one place lane defaults live).</summary>
internal static class LaneSection
{
    private static readonly SectionBuilder B = new("lane", "lanes.<lane>", "What a pull request in this lane needs before it may merge. Keys left out keep the seed's values.");

    public static readonly ConfigKey<string> Description = B.String("description", string.Empty, "What the lane is for.")
        .PerLane("Lane A: safe auto-merge", "Lane B: staging-first product work", "Lane C: human-gated risk", KeyJson.Of);

    public static readonly ConfigKey<IReadOnlyList<string>> Examples = B.Strings("examples", [], "Kinds of change that belong here (documentation).").PerLane(
        ["docs", "test repairs", "small CLI and SDK parity fixes", "small frontend proxy or type alignment"],
        ["backend route changes", "dashboard features", "observability improvements"],
        ["auth/session changes", "runtime protocol changes", "infrastructure changes", "database migrations"],
        KeyJson.Of);

    public static readonly ConfigKey<int> ReviewerApprovals = B.Int("reviewerApprovals", 1, 0, "Approving reviews by agents other than the author.");

    public static readonly ConfigKey<bool> RequireChecks = B.Bool("requireChecks", true, "validation.requiredChecks must be green.");

    public static readonly ConfigKey<IReadOnlyList<string>> RequireLabels = B.Strings("requireLabels", [], "Every one of these labels must be on the PR.")
        .PerLane([Labels.Safe], [], [], KeyJson.Of);

    public static readonly ConfigKey<IReadOnlyList<string>> RequireAnyLabel = B.Strings("requireAnyLabel", [], "At least one of these labels must be on the PR.")
        .PerLane(["size:xs", "size:s"], [], [], KeyJson.Of);

    public static readonly ConfigKey<string?> Deployment = B.NullableString("deployment", "Environment that needs a successful deployment (null: none).")
        .PerLane(null, "staging", null, KeyJson.Of);

    public static readonly ConfigKey<bool> HumanApproval = B.Bool("humanApproval", false, "A person must approve.").PerLane(false, false, true, KeyJson.Of);

    public static readonly ConfigKey<IReadOnlyList<string>> Approvers = B.Strings("approvers", [], "Users or org/team slugs; empty means any account with write access that is not an agent identity.");

    public static readonly ConfigKey<bool> VerificationEvidence = B.Bool("verificationEvidence", false, "The PR body needs a verification evidence section.")
        .PerLane(false, false, true, KeyJson.Of);

    public static readonly ConfigKey<bool> AutoMerge = B.Bool("autoMerge", true, "Autoship merges once the gate passes.").PerLane(true, true, false, KeyJson.Of);

    public static readonly ConfigKey<int> QueueBatchSize = B.Int("queueBatchSize", 4, 1, "Most pull requests of this lane validated together as one candidate merge commit in the merge queue (1: one at a time).")
        .PerLane(4, 2, 1, v => KeyJson.Of(v));

    public static readonly ConfigKey<TimeSpan> QueueWait = B.Duration("queueWait", "0s", "How long the first pull request of a batch waits in the merge queue for others to join it (0s: validate what is queued now).");

    public static readonly KeySpec Guardrails = B.Section("guardrails", "guardrails", "Limits on one autonomous pass in this lane.");

    public static readonly ConfigSection Section = B.Build();

    public static LanePolicy Read(ConfigReader reader, MapView lanes, Lane lane)
    {
        var name = lane.Name();
        var path = "lanes." + name;
        var view = MapView.Open(reader, lanes.Node(name), Section, path, $"lane '{name}'");
        var guardrails = MapView.Open(reader, view.Node(Guardrails.Name), GuardrailsSection.Section, path + ".guardrails", $"lane '{name}' guardrails");
        return new LanePolicy(
            lane,
            Description.Read(view, lane),
            Examples.Read(view, lane),
            ReviewerApprovals.Read(view, lane),
            RequireChecks.Read(view, lane),
            RequireLabels.Read(view, lane),
            RequireAnyLabel.Read(view, lane),
            Deployment.Read(view, lane),
            HumanApproval.Read(view, lane),
            Approvers.Read(view, lane),
            VerificationEvidence.Read(view, lane),
            AutoMerge.Read(view, lane),
            GuardrailsSection.Read(guardrails, lane))
        {
            QueueBatchSize = QueueBatchSize.Read(view, lane),
            QueueWait = QueueWait.Read(view, lane),
        };
    }
}
