using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;

namespace Autoship.Engine.Simulation.Pipeline;

/// <summary>
/// The simulated forge: issues, pull requests, main's commit and the running jobs, turned into exactly the
/// <see cref="PlanInput"/> the reconciler builds from a real forge, so that the real planner decides.
/// </summary>
internal sealed class SimulatedWorld(AutoshipConfig config)
{
    public const string Repository = "local:simulated";

    public static readonly Actor Maintainer = new("maintainer", Permission.Admin);

    public static readonly Actor Harness = new("autoship[bot]", Permission.Write);

    public static readonly Actor ReviewerBot = new("autoship-reviewer[bot]", Permission.Write);

    // Areas by lane: lane A spreads over three owners, so agent slots (not one area's owner) bound the safe lane.
    private static readonly (string Area, string Risk, string Path)[] SafeAreas =
        [("docs", "low", "docs/guide-{0}.md"), ("cli-sdk", "low", "src/cli/command_{0}.py"), ("test", "low", "tests/test_case_{0}.py")];

    private static readonly (string Area, string Risk, string Path) StagingArea = ("api", "medium", "src/api/route_{0}.py");

    private static readonly (string Area, string Risk, string Path) HumanArea = ("auth", "high", "src/auth/session_{0}.py");

    public AutoshipConfig Config { get; } = config;

    public Dictionary<int, SimulatedItem> Items { get; } = [];

    public Dictionary<int, SimulatedPullRequest> PullRequests { get; } = [];

    public HashSet<int> Running { get; } = [];

    public int MainVersion { get; set; }

    public string MainSha => $"{MainVersion:x8}{new string('b', 32)}";

    /// <summary>Ready issues of a lane nobody works on yet: no job, no open pull request, not claimed or blocked.</summary>
    public int Backlog(Lane lane) => Items.Values.Count(i => i.Lane == lane && i.Open && !i.Merged && !Running.Contains(i.Number) && i.OpenPullRequest is null
                                                    && !Labels.Has(i.Labels, Labels.Claimed) && !Labels.Has(i.Labels, Labels.Blocked));

    public SimulatedItem Arrive(int number, Lane lane, DateTimeOffset now)
    {
        var (area, risk, _) = Shape(number, lane);
        var item = new SimulatedItem(number, lane, area, risk, now);
        item.AddLabel(Labels.Ready, Maintainer, now);
        item.AddLabel("area:" + area, Maintainer, now);
        item.AddLabel("risk:" + risk, Maintainer, now);
        if (lane == Lane.Safe)
        {
            item.AddLabel(Labels.Safe, Maintainer, now);
        }

        Items[number] = item;
        return item;
    }

    /// <summary>The one file a pull request of this item changes: small, inside its area, in its lane.</summary>
    public static IReadOnlyList<ChangedFile> Files(SimulatedItem item) =>
        [new ChangedFile(string.Format(System.Globalization.CultureInfo.InvariantCulture, Shape(item.Number, item.Lane).Path, item.Number), 6, 2) { AddedLines = ["value = 1", "other = 2"] }];

    public PlanInput Input(DateTimeOffset now)
    {
        var issues = Items.Values.Where(i => i.Open).OrderBy(i => i.Number).ToList();
        var snapshot = new RepositorySnapshot(Repository, "main", MainSha,
            [.. issues.Select(i => Issue(i, now))],
            [.. issues.SelectMany(i => i.PullRequests.Where(p => p.Open || p.Merged)).Select(p => PullRequest(p, now))],
            now)
        {
            DefaultBranchChecks = [.. Config.Validation.RequiredChecks.Select(c => new CheckSnapshot(c, CheckState.Success, MainSha))],
            HarnessLogins = [Harness.Login, ReviewerBot.Login],
        };
        return new PlanInput(snapshot, Config, [], issues.ToDictionary(i => i.Number, i => i.Memory), RuntimeControls.None, now)
        {
            LastGoodConfig = Config,
            Running = Running.ToHashSet(),
        };
    }

    private static (string Area, string Risk, string Path) Shape(int number, Lane lane) => lane switch
    {
        Lane.Safe => SafeAreas[number % SafeAreas.Length],
        Lane.Staging => StagingArea,
        _ => HumanArea,
    };

    private static IssueSnapshot Issue(SimulatedItem i, DateTimeOffset now) =>
        new(i.Number, $"Simulated item {i.Number} in area:{i.Area}", "A simulated work item.", true, [.. i.Labels], [], [.. i.LabelEvents], i.LabelEvents.Count > 0 ? i.LabelEvents[^1].At : now);

    private static PullRequestSnapshot PullRequest(SimulatedPullRequest p, DateTimeOffset now) =>
        new(p.Number, p.Order.Title, WorkOrderCodec.RenderPullRequestBody(p.Order, "exited 0", p.Item.Lane == Lane.Human ? "simulated: validated on a staging copy" : null),
            Harness, p.Order.Branch, p.Head, "main", p.Open, p.Merged, [.. p.Labels], [.. p.Reviews], [.. p.Checks], [.. p.Deployments], Files(p.Item), now)
        {
            MergeCommitSha = p.MergeSha,
            Mergeable = true,
            BehindBy = 0,
        };
}
