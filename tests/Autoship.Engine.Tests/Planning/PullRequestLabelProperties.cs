using Autoship.Core;
using Autoship.Core.Planning;
using CsCheck;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

/// <summary>
/// Property-based checks (CsCheck: a failure prints the seed that replays it) of the labels the planner keeps on an
/// open Autoship PR, over random label sets on the issue and the PR in any letter case.
/// </summary>
public sealed class PullRequestLabelProperties
{
    private const int Iterations = 300;

    private static readonly string[] IssuePool =
        ["area:docs", "AREA:Docs", "area:api", "risk:low", "Risk:High", "lane:human", "Lane:Safe", "lane:staging", Labels.Safe, "AUTONOMY:SAFE", "size:l", "bug", "BUG"];

    private static readonly string[] PrPool =
        ["size:xs", "SIZE:M", "size:l", "lane:safe", "LANE:HUMAN", "lane:staging", "area:docs", "risk:low", Labels.Safe, "bug", "Bug"];

    private static readonly Actor Stranger = new("eve", Permission.Read);

    private static Gen<List<string>> LabelsFrom(string[] pool) => Gen.Int[0, pool.Length - 1].List[0, 6].Select(ix => ix.Select(i => pool[i]).ToList());

    [Fact]
    public void Plan_AnyLabels_SyncsToOneSizeOneLaneTheIssuesAreaRiskAndTrustedSafe_AndThenStaysPut()
    {
        Gen.Select(LabelsFrom(IssuePool), LabelsFrom(PrPool), Gen.Bool).Sample((issueLabels, prLabels, trusted) =>
        {
            var issue = LabelledIssue(2, [Labels.Ready, Labels.Claimed, .. issueLabels.DistinctBy(l => l.ToLowerInvariant())], trusted);
            var pr = Pr(11, Order(issue, "docs"), checks: [Ci(11)]) with { Labels = prLabels.DistinctBy(l => l.ToLowerInvariant()).ToList() };

            var plan = Planner.Plan(Input([issue], [pr]));

            var sync = plan.Actions.OfType<SyncLabels>().SingleOrDefault();
            var add = sync?.Add ?? [];
            var remove = sync?.Remove ?? [];
            add.ShouldAllBe(l => !Labels.Has(pr.Labels, l), "it adds only labels the PR lacks");
            add.Count.ShouldBe(add.DistinctBy(l => l.ToLowerInvariant()).Count(), "it adds each label once");
            remove.ShouldAllBe(l => Labels.Has(pr.Labels, l) && (l.StartsWith("size:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("lane:", StringComparison.OrdinalIgnoreCase)),
                "it removes only size and lane labels the PR has");

            var after = pr.Labels.Where(l => !Labels.Has(remove, l)).Concat(add).ToList();
            after.Count(l => l.StartsWith("size:", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
            var lane = after.Where(l => l.StartsWith("lane:", StringComparison.OrdinalIgnoreCase)).ShouldHaveSingleItem();
            var item = plan.Items.ShouldHaveSingleItem();
            lane.ShouldBe("lane:" + item.Lane!.Value.Name(), StringCompareShould.IgnoreCase);
            foreach (var inherited in issue.Labels.Where(l => Labels.IsArea(l) || Labels.IsRisk(l)))
            {
                Labels.Has(after, inherited).ShouldBeTrue($"{inherited} comes from the issue");
            }

            var safe = trusted && Labels.Has(issue.Labels, Labels.Safe);
            Labels.Has(after, Labels.Safe).ShouldBe(safe || Labels.Has(pr.Labels, Labels.Safe));
            foreach (var l in issue.Labels.Where(l => l.StartsWith("lane:", StringComparison.OrdinalIgnoreCase)))
            {
                // A lane label on the issue raises the PR's lane, never lowers it.
                LaneNames.TryParse(l["lane:".Length..], out var raised).ShouldBeTrue();
                (item.Lane!.Value >= raised).ShouldBeTrue($"{l} on the issue, lane {item.Lane} on the PR");
            }

            var again = Planner.Plan(Input([issue], [pr with { Labels = after }]));
            again.Actions.OfType<SyncLabels>().ShouldBeEmpty("labels already in sync stay as they are");
            again.Items.ShouldHaveSingleItem().Lane.ShouldBe(item.Lane);
        }, iter: Iterations);
    }

    /// <summary>An issue whose autonomy:safe (any case) a maintainer applied, or a reader when <paramref name="trusted"/> is false.</summary>
    private static IssueSnapshot LabelledIssue(int number, IReadOnlyList<string> labels, bool trusted)
    {
        var issue = Issue(number, labels);
        return issue with
        {
            LabelEvents = issue.LabelEvents.Select(e => string.Equals(e.Label, Labels.Safe, StringComparison.OrdinalIgnoreCase) && !trusted ? e with { Actor = Stranger } : e).ToList(),
        };
    }
}
