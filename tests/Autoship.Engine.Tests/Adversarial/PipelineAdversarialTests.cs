using Autoship.Core;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Adversarial.AdversarialChanges;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Adversarial;

/// <summary>
/// Issue 17's invariant through the whole decision, not one rule: each generated change is the open pull request of a
/// claimed issue, written by the area's owning agent, green and approved by its reviewer agent, and the pure planner
/// decides (classification → guardrails → lane → gate → merge). Nothing in <c>never</c>, lane C, or with a destructive
/// data operation is merged without a person; the harmless control of each class is. 500 seeded cases per class.
/// </summary>
public sealed class PipelineAdversarialTests
{
    private const int PerClass = 500;

    /// <summary>What the planner does with the change: the merge it plans (null: none) and the gate's lane.</summary>
    private static (MergePullRequest? Merge, Lane Lane, string Why) Plan(Change change, IReadOnlyList<ReviewSnapshot>? humanReviews = null, IReadOnlyList<string>? harness = null)
    {
        var issue = Ready(1, change.Area, claimed: true);
        var order = Order(issue, change.Area);
        var pr = Pr(10, order, change.Files, [AgentReview(10, order.Reviewer), .. humanReviews ?? []], [Ci(10)], [new DeploymentSnapshot("staging", Head(10), DeploymentState.Success, Now.AddMinutes(-2))]) with
        {
            TreeLinks = change.Links ?? new Dictionary<string, string>(),
            Mergeable = true,
        };
        var input = Input([issue], [pr]);
        var plan = Planner.Plan(input with { Snapshot = input.Snapshot with { HarnessLogins = harness ?? [] } });
        var view = plan.Items.Single(i => i.Issue == 1);
        return (plan.Actions.OfType<MergePullRequest>().SingleOrDefault(), view.Lane ?? Lane.Safe, string.Join("; ", view.Reasons.Select(r => $"{r.Code}: {r.Message}")));
    }

    private static void NeverMerges(int seed, Func<Random, int, Change> generate)
    {
        var random = new Random(seed);
        for (var i = 0; i < PerClass; i++)
        {
            var change = generate(random, i);
            Plan(change).Merge.ShouldBeNull($"case {i} merged without a person: {change}: {string.Join("\\n", change.Files.SelectMany(f => f.AddedLines).Take(5))}");
        }
    }

    private static void Merges(int seed, Func<Random, int, Change> generate)
    {
        var random = new Random(seed);
        for (var i = 0; i < PerClass; i++)
        {
            var change = generate(random, i);
            var (merge, _, why) = Plan(change);
            merge.ShouldNotBeNull($"harmless case {i} did not merge: {change}: {why}");
        }
    }

    [Fact]
    public void Plan_DestructiveSql_NeverMergesUnattended() => NeverMerges(1801, DestructiveSql);

    [Fact]
    public void Plan_HarmlessSql_Merges() => Merges(1802, HarmlessSql);

    [Fact]
    public void Plan_UnreadAddedText_NeverMerges() => NeverMerges(1803, Unread);

    [Fact]
    public void Plan_OddNamesWhoseTextWasRead_Merge() => Merges(1804, ReadOdd);

    [Fact]
    public void Plan_SymlinkChainsOutOrOntoProtectedPaths_NeverMerge() => NeverMerges(1805, LinkChain);

    [Fact]
    public void Plan_LinksInsideTheRepository_Merge() => Merges(1806, LocalLink);

    [Fact]
    public void Plan_GeneratedFilesAndAttributes_NeverMergeAsLaneAAndCountEveryLine()
    {
        var random = new Random(1807);
        for (var i = 0; i < PerClass; i++)
        {
            var change = Generated(random, i);
            var (merge, lane, why) = Plan(change);
            lane.ShouldNotBe(Lane.Safe, $"case {i}: {change}: {why}");
            if (merge is not null)
            {
                merge.Lane.ShouldNotBe(Lane.Safe, $"case {i}: {change}");
                change.Files.Sum(f => f.ChangedLines).ShouldBeLessThanOrEqualTo(Config.Lane(merge.Lane).Guardrails.MaxLines, $"case {i}: {change}");
                change.Files.ShouldAllBe(f => !f.Path.EndsWith(".gitattributes", StringComparison.OrdinalIgnoreCase), $"case {i}: {change}");
            }
        }
    }

    [Fact]
    public void Plan_SmallCliChanges_MergeInLaneA()
    {
        var random = new Random(1808);
        for (var i = 0; i < PerClass; i++)
        {
            var change = SmallCli(random, i);
            var (merge, _, why) = Plan(change);
            merge.ShouldNotBeNull($"case {i}: {change}: {why}").Lane.ShouldBe(Lane.Safe);
        }
    }

    [Fact]
    public void Plan_LongOrLargeText_NeverMerges() => NeverMerges(1809, LargeText);

    [Fact]
    public void Plan_OrdinaryText_Merges() => Merges(1810, NormalText);

    [Fact]
    public void Plan_GovernanceAndValidationFiles_NeverMergeUnattended() => NeverMerges(1811, GovernanceFile);

    [Fact]
    public void Plan_WorkflowChanges_NeverMergeAndAreLaneC()
    {
        NeverMerges(1812, Workflow);
        var random = new Random(1812);
        for (var i = 0; i < PerClass; i++)
        {
            var change = Workflow(random, i);
            Classifier.Classify([], change.Files, Config, null).Lane.ShouldBe(Lane.Human, $"case {i}: {change}");
        }
    }

    [Fact]
    public void Plan_TestRunsEndedEarly_NeverMergeUnattended() => NeverMerges(1813, TestExit);

    [Fact]
    public void Plan_DocsNotes_Merge() => Merges(1814, DocsNote);

    [Fact]
    public void Plan_ChangesOutsideTheAuthorsAreas_NeverMerge() => NeverMerges(1815, Foreign);

    [Fact]
    public void Plan_LaneCApprovedByAHarnessIdentity_NeverMergesAndByAPersonMerges()
    {
        var random = new Random(1816);
        for (var i = 0; i < PerClass; i++)
        {
            var change = new Change("auth", [Text($"src/auth/login{i}.py", "ok = True")]);
            var harness = new[] { $"autoship-{i}[bot]", $"reviewer-{random.Next(1000)}" };
            var login = Pick(random, [.. harness, "autoship[bot]", "autoship-reviewer[bot]", $"helper-{i}[bot]"]);
            var who = new Actor(random.Next(2) == 0 ? login : login.ToUpperInvariant(), Pick(random, [Permission.Write, Permission.Maintain, Permission.Admin]));

            Plan(change, [new ReviewSnapshot(who, ReviewState.Approved, Head(10), Now.AddMinutes(-1))], harness).Merge.ShouldBeNull($"case {i}: {who.Login}");

            var person = new Actor($"maintainer-{random.Next(100_000)}", Permission.Maintain);
            var (merge, lane, why) = Plan(change, [new ReviewSnapshot(person, ReviewState.Approved, Head(10), Now.AddMinutes(-1))], harness);
            lane.ShouldBe(Lane.Human);
            merge.ShouldNotBeNull($"case {i}: {person.Login}: {why}");
        }
    }
}
