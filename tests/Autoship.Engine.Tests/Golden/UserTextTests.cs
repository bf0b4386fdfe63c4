using System.Runtime.CompilerServices;
using System.Text;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Planning;

namespace Autoship.Engine.Tests.Golden;

/// <summary>
/// Golden files of the texts people read on the forge — the item comment, the <c>autoship/gate</c> status line and the
/// PR body — for one plan that touches every kind of decision (merge, hold for a human, reject and retry, block,
/// skip, dispatch). A change of wording shows up as a diff of <c>Golden/UserText/*.md</c>; after checking it, accept it
/// with <c>AUTOSHIP_UPDATE_GOLDEN=1 dotnet test --filter UserText</c>.
/// </summary>
public sealed class UserTextTests
{
    [Fact]
    public void Plan_EveryKindOfDecision_CommentsAndGateStatusesReadAsTheGoldenFile()
    {
        var docs = Fake.Ready(1);
        var docsOrder = Fake.Order(docs, "docs");
        var docsPr = Fake.Pr(11, docsOrder, reviews: [Fake.AgentReview(11, docsOrder.Reviewer)], checks: [Fake.Ci(11)]);

        var auth = Fake.Ready(2, area: "auth", risk: "high", safe: false);
        var authOrder = Fake.Order(auth, "auth", "high");
        var authPr = Fake.Pr(12, authOrder, files: [new ChangedFile("src/auth/session.py", 8, 2)], reviews: [Fake.AgentReview(12, authOrder.Reviewer)], checks: [Fake.Ci(12)]);

        var red = Fake.Ready(3);
        var redOrder = Fake.Order(red, "docs", attempt: 1);
        // Red CI and a change outside the lane's guardrails: not fixable on the branch (a red check or a conflict alone is
        // fixed forward), so the claim is released.
        var redPr = Fake.Pr(13, redOrder, files: [new ChangedFile(".github/workflows/ci.yml", 1, 0)], reviews: [Fake.AgentReview(13, redOrder.Reviewer)], checks: [Fake.Ci(13, CheckState.Failure)]);

        var last = Fake.Ready(4);
        var lastOrder = Fake.Order(last, "docs", attempt: Fake.Config.Loop.MaxAttempts);
        var lastPr = Fake.Pr(14, lastOrder, reviews: [Fake.AgentReview(14, lastOrder.Reviewer)], checks: [Fake.Ci(14, CheckState.Failure)]);

        var noArea = Fake.Issue(5, [Labels.Ready, "risk:low"]);
        var fresh = Fake.Ready(6);

        var config = Fake.WithLoop(l => l with { MaxConcurrent = 10 });
        var plan = Planner.Plan(Fake.Input([docs, auth, red, last, noArea, fresh], [docsPr, authPr, redPr, lastPr], config: config));

        var text = new StringBuilder();
        foreach (var comment in plan.Actions.OfType<UpdateComment>().OrderBy(c => c.Issue))
        {
            text.Append("## comment on #").Append(comment.Issue).Append("\n\n")
                .Append(CommentRenderer.Render(comment.Issue, comment.Memory, comment.Headline, comment.HumanActions, comment.PullRequest, Fake.Now)).Append("\n\n");
        }

        foreach (var gate in plan.Actions.OfType<PublishGate>().OrderBy(g => g.PullRequest))
        {
            text.Append("## autoship/gate on PR #").Append(gate.PullRequest).Append(": ").Append(Planner.StatusOf(gate.Decision.Verdict).ToString().ToLowerInvariant())
                .Append("\n\n").Append(gate.Decision.Summary).Append("\n\n");
        }

        foreach (var start in plan.Actions.OfType<StartAttempt>())
        {
            text.Append("## PR body for #").Append(start.Order.Issue).Append("\n\n")
                .Append(WorkOrderCodec.RenderPullRequestBody(start.Order, "scripts/test.sh exited 0", "ran the docs build")).Append("\n\n");
        }

        // The scenario covers what it claims to: every verdict is published, and one new attempt gets a PR body.
        plan.Actions.OfType<PublishGate>().Select(g => g.Decision.Verdict).Distinct().ShouldBe([GateVerdict.Merge, GateVerdict.Hold, GateVerdict.Reject], ignoreOrder: true);
        plan.Actions.OfType<StartAttempt>().Select(s => s.Order.Issue).ShouldBe([6]);
        GoldenFile.Check("plan-texts.md", text.ToString());
    }
}

/// <summary>Compares text with a file under <c>Golden/UserText</c> in the source tree, or rewrites it when asked to.</summary>
internal static class GoldenFile
{
    public static void Check(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "UserText", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("AUTOSHIP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"golden file {path} is missing: run with AUTOSHIP_UPDATE_GOLDEN=1 once and review it");
        actual.ShouldBe(File.ReadAllText(path).ReplaceLineEndings("\n"), $"the text differs from {path}; if the change is intended, rerun with AUTOSHIP_UPDATE_GOLDEN=1 and review the diff");
    }
}
