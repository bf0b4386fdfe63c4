using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Tests.Config;

namespace Autoship.Core.Tests.Spend;

/// <summary>Per-agent daily budgets in tokens and dollars, counted from recorded usage in the UTC day.</summary>
public sealed class UsageBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static AgentDefinition Agent(long tokens = 0, decimal cost = 0m) =>
        TestConfigs.Agent("coder", ["src"], null) with { MaxTokensPerDay = tokens, MaxCostPerDay = cost };

    private static RunSpend Run(int hoursAgo, long? tokens, decimal? cost, string agent = "coder") => new(agent, Now.AddHours(-hoursAgo), tokens, cost);

    [Fact]
    public void Evaluate_NoBudgets_NeverPauses()
    {
        UsageBudget.Evaluate(Agent(), [Run(1, 10_000_000, 1000m)], Now).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    [InlineData(5000, false)]
    public void Evaluate_TokensToday_PauseAtTheLimit(long used, bool allowed)
    {
        var reasons = UsageBudget.Evaluate(Agent(tokens: 1000), [Run(1, used - 100, null), Run(2, 100, null)], Now);

        (reasons.Count == 0).ShouldBe(allowed);
        if (!allowed)
        {
            reasons.ShouldHaveSingleItem().Code.ShouldBe("spend.daily-tokens");
            reasons[0].Message.ShouldContain("its limit is 1,000");
            reasons[0].Message.ShouldContain("paused until 2026-03-11 00:00 UTC");
        }
    }

    [Theory]
    [InlineData("4.99", true)]
    [InlineData("5.00", false)]
    public void Evaluate_CostToday_PauseAtTheLimit(string used, bool allowed)
    {
        var spent = decimal.Parse(used, System.Globalization.CultureInfo.InvariantCulture);

        var reasons = UsageBudget.Evaluate(Agent(cost: 5m), [Run(1, null, spent - 1m), Run(3, 50, 1m)], Now);

        (reasons.Count == 0).ShouldBe(allowed);
        if (!allowed)
        {
            reasons.ShouldHaveSingleItem().Code.ShouldBe("spend.daily-cost");
            reasons[0].Message.ShouldContain("spent $5.00 today; its limit is $5.00");
        }
    }

    [Fact]
    public void Evaluate_YesterdayOtherAgentsAndUnreportedUsage_DoNotCount()
    {
        var history = new[] { Run(13, 900, 9m), Run(1, 900, 9m, agent: "other"), Run(1, null, null), Run(1, 10, 0.5m) };

        UsageBudget.Evaluate(Agent(tokens: 100, cost: 1m), history, Now).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_BothBudgetsReached_BothReasons()
    {
        UsageBudget.Evaluate(Agent(tokens: 10, cost: 0.01m), [Run(0, 10, 0.01m)], Now).Select(r => r.Code).ShouldBe(["spend.daily-tokens", "spend.daily-cost"]);
    }

    [Fact]
    public void Config_BudgetKeys_ReadAndRefused()
    {
        var ok = ConfigYaml.Load(ConfigYaml.With("name: author-b,", "name: author-b, maxTokensPerDay: 200000, maxCostPerDay: \"2.50\","));
        ok.Errors.ShouldBeEmpty();
        var agent = ok.Config!.Agent("author-b")!;
        agent.MaxTokensPerDay.ShouldBe(200_000);
        agent.MaxCostPerDay.ShouldBe(2.50m);

        ConfigYaml.Load(ConfigYaml.With("name: author-b,", "name: author-b, maxCostPerDay: lots,")).IsValid.ShouldBeFalse();
        ConfigYaml.Load(ConfigYaml.With("name: author-b,", "name: author-b, maxTokensPerDay: -1,")).IsValid.ShouldBeFalse();
    }
}
