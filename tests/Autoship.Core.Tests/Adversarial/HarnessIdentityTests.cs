using Autoship.Core.Config;
using static Autoship.Core.Tests.Gate.Prs;

namespace Autoship.Core.Tests.Adversarial;

/// <summary>Class 8: no harness identity (forge logins, agent logins, bots) ever counts as the human approval of lane C.</summary>
public sealed class HarnessIdentityTests
{
    private static readonly Permission[] Writers = [Permission.Write, Permission.Maintain, Permission.Admin];

    [Fact]
    public void Decide_GeneratedHarnessApprovalsOfLaneC_NeverMerge()
    {
        var random = new Random(1708);
        for (var i = 0; i < AdversarialCases.PerClass; i++)
        {
            var (config, harness, login) = Generate(random, i);
            var pr = WithHumanReview(new Actor(Cased(random, login), AdversarialCases.Pick(random, Writers)));

            var decision = MergeGate.Decide(new GateInput(pr, Classified(Lane.Human), Author, config) { HarnessLogins = harness });

            decision.Verdict.ShouldNotBe(GateVerdict.Merge, $"case {i}: {login} approved, harness [{string.Join(", ", harness)}]");
            decision.Reasons.ShouldContain(r => r.Code == "human-approval-missing", $"case {i}: {login}");
        }
    }

    [Fact]
    public void Decide_GeneratedPersonApprovalsOfLaneC_Merge()
    {
        var random = new Random(1709);
        for (var i = 0; i < AdversarialCases.PerClass; i++)
        {
            var (config, harness, _) = Generate(random, i);
            var person = new Actor($"maintainer-{random.Next(100_000)}", AdversarialCases.Pick(random, Writers));
            var pr = WithHumanReview(person);

            var decision = MergeGate.Decide(new GateInput(pr, Classified(Lane.Human), Author, config) { HarnessLogins = harness });

            decision.Verdict.ShouldBe(GateVerdict.Merge, $"case {i}: {person.Login}: {string.Join("; ", decision.Reasons)}");
        }
    }

    /// <summary>A configuration whose agents have generated logins, the forge's own logins, and one of them as the approver.</summary>
    private static (AutoshipConfig Config, IReadOnlyList<string> Harness, string Approver) Generate(Random random, int i)
    {
        var baseConfig = TestConfigs.Default();
        var agents = baseConfig.Agents.Select(a => random.Next(2) == 0 ? a with { Login = $"agent-{a.Name}-{i}" } : a).ToList();
        var harness = new List<string> { $"autoship-{i}", $"reviewer-{random.Next(1000)}" };
        var candidates = agents.Select(a => a.Login).OfType<string>().Concat(harness).Append($"helper-{i}[bot]").ToList();
        return (baseConfig with { Agents = agents }, harness, AdversarialCases.Pick(random, candidates));
    }

    private static PullRequestSnapshot WithHumanReview(Actor who)
    {
        var pr = Green(Lane.Human);
        return pr with { Reviews = [AgentReview(Reviewer, ReviewState.Approved), HumanReview(who, ReviewState.Approved)] };
    }

    private static string Cased(Random random, string login) => random.Next(2) == 0 ? login : login.ToUpperInvariant();
}
