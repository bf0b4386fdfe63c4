using Autoship.Core;
using Autoship.Core.Dashboard;
using Autoship.Core.Planning;
using Autoship.Engine.Tests.Planning;

namespace Autoship.Engine.Tests.Golden;

/// <summary>
/// The dashboard issue's body for one plan with queued, held, open-PR and skipped items, a paused lane, a red main and an
/// agent out of budget (<c>Golden/UserText/dashboard.md</c>; accept a reviewed change with <c>AUTOSHIP_UPDATE_GOLDEN=1</c>).
/// </summary>
public sealed class DashboardTextTests
{
    private static readonly Reason MainRed = new("main-red", "main is red: check ci failed on abc123");

    [Fact]
    public void Body_PlanWithEveryKindOfItem_ReadsAsTheGoldenFile()
    {
        var docs = Fake.Ready(1);
        var docsOrder = Fake.Order(docs, "docs");
        var docsPr = Fake.Pr(11, docsOrder, reviews: [Fake.AgentReview(11, docsOrder.Reviewer)], checks: [Fake.Ci(11)]);
        var auth = Fake.Ready(2, area: "auth", risk: "high", safe: false);
        var authOrder = Fake.Order(auth, "auth", "high");
        var authPr = Fake.Pr(12, authOrder, files: [new ChangedFile("src/auth/session.py", 8, 2)], reviews: [Fake.AgentReview(12, authOrder.Reviewer)], checks: [Fake.Ci(12)]);
        var noArea = Fake.Issue(5, [Labels.Ready, "risk:low"]);
        var plan = Planner.Plan(Fake.Input([docs, auth, noArea, Fake.Ready(6), Fake.Ready(7)], [docsPr, authPr]));

        var body = DashboardIssue.Body(Input(plan, new RuntimeControls(false, [Lane.Staging]), new Dictionary<string, Reason>
        {
            ["qa-reliability-engineer"] = new("spend-minutes", "240 of 240 agent minutes used today"),
        }));

        body.ShouldStartWith(DashboardIssue.Marker);
        body.ShouldContain("Waiting for a person");
        GoldenFile.Check("dashboard.md", body);
    }

    [Fact]
    public void Body_SamePlanTwice_IsTheSameText()
    {
        var plan = Planner.Plan(Fake.Input([Fake.Ready(1), Fake.Ready(2)], []));

        DashboardIssue.Body(Input(plan, RuntimeControls.None, new Dictionary<string, Reason>()))
            .ShouldBe(DashboardIssue.Body(Input(plan, RuntimeControls.None, new Dictionary<string, Reason>())));
    }

    [Fact]
    public void Body_ThousandsOfItems_IsCutUnderGitHubsLimitWithANote()
    {
        var items = Enumerable.Range(1, 5000).Select(n => new ItemView(n, new string('x', 40), ItemPhase.Skipped, null, null, null, null, null, 0,
            [new Reason("no-area", "no area label")], [])).ToList();
        var plan = new Plan([], items, []);

        var body = DashboardIssue.Body(Input(plan, RuntimeControls.None, new Dictionary<string, Reason>()));

        body.Length.ShouldBeLessThanOrEqualTo(DashboardIssue.MaxBodyLength);
        body.ShouldStartWith(DashboardIssue.Marker);
        body.ShouldContain("longer than GitHub allows");
    }

    [Fact]
    public void Body_TitleWithAMentionAndHtml_NeitherPingsNorRenders()
    {
        var plan = new Plan([], [new ItemView(3, "ask @octocat <img src=x>", ItemPhase.Queued, Lane.Safe, null, null, null, null, 0, [], [])], []);

        var body = DashboardIssue.Body(Input(plan, RuntimeControls.None, new Dictionary<string, Reason>()));

        body.ShouldNotContain("@octocat");
        body.ShouldNotContain("<img");
    }

    private static DashboardInput Input(Plan plan, RuntimeControls controls, IReadOnlyDictionary<string, Reason> unavailable) =>
        new(Fake.Config.Loop, controls, [MainRed, .. plan.Notices], plan.Items, plan.Health, unavailable);
}
