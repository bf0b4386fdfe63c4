using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;

namespace Autoship.Engine.Tests.Planning;

/// <summary>Fake forge snapshots built in code, for the pure planner.</summary>
internal static class Fake
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly AutoshipConfig Config = DefaultConfig.Load();

    public static readonly Actor Maintainer = new("maintainer", Permission.Admin);

    public static readonly Actor Bot = new("autoship[bot]", Permission.Write);

    public static readonly Actor ReviewerBot = new("autoship-reviewer[bot]", Permission.Write);

    public static readonly Actor Alice = new("alice", Permission.Write);

    /// <summary>An open issue whose labels a maintainer applied an hour ago (autonomy:claimed by the bot, at <paramref name="claimedAt"/>).</summary>
    public static IssueSnapshot Issue(int number, IReadOnlyList<string> labels, DateTimeOffset? claimedAt = null, bool open = true) =>
        new(number, $"Item {number}", "body", open, labels, [],
            labels.Select(l => l == Labels.Claimed
                ? new LabelEvent(l, true, Bot, claimedAt ?? Now.AddMinutes(-10))
                : new LabelEvent(l, true, Maintainer, Now.AddHours(-1))).ToList(),
            Now.AddMinutes(-5));

    public static IssueSnapshot Ready(int number, string area = "docs", string risk = "low", bool safe = true, bool claimed = false, DateTimeOffset? claimedAt = null) =>
        Issue(number, [Labels.Ready, .. safe ? new[] { Labels.Safe } : [], "area:" + area, "risk:" + risk, .. claimed ? new[] { Labels.Claimed } : []], claimedAt);

    public static WorkOrder Order(IssueSnapshot issue, string area, string risk = "low", int attempt = 1) =>
        WorkOrderFactory.Create("local:test", issue, area, risk, OwnershipPolicy.Assign(area, Config), Config, attempt, Now.AddMinutes(-30));

    /// <summary>An open Autoship PR for <paramref name="order"/> changing <paramref name="files"/> at head <c>h{number}</c>.</summary>
    public static PullRequestSnapshot Pr(int number, WorkOrder order, IReadOnlyList<ChangedFile>? files = null, IReadOnlyList<ReviewSnapshot>? reviews = null,
        IReadOnlyList<CheckSnapshot>? checks = null, IReadOnlyList<DeploymentSnapshot>? deployments = null, bool open = true, bool merged = false) =>
        new(number, order.Title, WorkOrderCodec.RenderPullRequestBody(order, "exited 0", "tested by hand"), Bot, order.Branch, Head(number), "main",
            open, merged, [], reviews ?? [], checks ?? [], deployments ?? [], files ?? [new ChangedFile("docs/guide.md", 3, 0)], Now.AddMinutes(-20));

    public static string Head(int pr) => $"{pr:x4}aaaabbbbccccddddeeeeffff0000111122223333"[..40];

    public static ReviewSnapshot AgentReview(int pr, string agent, ReviewState state = ReviewState.Approved) =>
        new(ReviewerBot, state, Head(pr), Now.AddMinutes(-15), agent);

    public static CheckSnapshot Ci(int pr, CheckState state = CheckState.Success) => new("ci", state, Head(pr));

    public static PlanInput Input(IReadOnlyList<IssueSnapshot> issues, IReadOnlyList<PullRequestSnapshot>? prs = null, IReadOnlyDictionary<int, ItemMemory>? memories = null,
        AutoshipConfig? config = null, RuntimeControls? controls = null) =>
        new(new RepositorySnapshot("local:test", "main", "0123456789012345678901234567890123456789", issues, prs ?? [], Now),
            config ?? Config, [], memories ?? new Dictionary<int, ItemMemory>(), controls ?? RuntimeControls.None, Now);

    public static AutoshipConfig WithLoop(Func<LoopSettings, LoopSettings> change) => Config with { Loop = change(Config.Loop) };

    public static ItemMemory Memory(ItemPhase phase, string agent = "mission-control-orchestrator", int attempt = 1, DateTimeOffset? claimedAt = null) =>
        new(phase, agent, "qa-reliability-engineer", attempt, claimedAt ?? Now.AddMinutes(-10), Lane.Safe, []);
}
