using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Core.Tests.Spend;

public sealed class SpendPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static LoopSettings Loop(int maxAttempts = 3, int minutes = 60, int breaker = 3) =>
        new("*/15 * * * *", TimeSpan.FromHours(2), maxAttempts, 2, false, [], minutes, breaker, false);

    private static RunSummary Run(string agent, int issue, int minutesAgo, int length, RunOutcome outcome) =>
        new(agent, issue, Now.AddMinutes(-minutesAgo), Now.AddMinutes(-minutesAgo + length), outcome);

    [Fact]
    public void Evaluate_NoHistory_Allowed()
    {
        var d = SpendPolicy.Evaluate("qa", 7, [], Loop(), Now);
        d.Allowed.ShouldBeTrue();
        d.Reasons.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Evaluate_AttemptsOnItem_LimitedByMaxAttempts(int previous, bool allowed)
    {
        var history = Enumerable.Range(0, previous).Select(i => Run(i % 2 == 0 ? "a" : "b", 7, 100 + i, 1, RunOutcome.Succeeded)).ToList();
        var d = SpendPolicy.Evaluate("a", 7, history, Loop(maxAttempts: 3, breaker: 0), Now);
        d.Allowed.ShouldBe(allowed);
        d.Reasons.Any(r => r.Code == "spend.max-attempts").ShouldBe(!allowed);
    }

    [Fact]
    public void Evaluate_AttemptsOnOtherItemsOrCancelled_NotCounted()
    {
        RunSummary[] history = [Run("a", 8, 10, 1, RunOutcome.Failed), Run("a", 7, 20, 1, RunOutcome.Cancelled), Run("a", 7, 30, 1, RunOutcome.Cancelled)];
        SpendPolicy.Evaluate("a", 7, history, Loop(maxAttempts: 1, breaker: 0), Now).Allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(60, false)]
    public void Evaluate_DailyMinutes_AllAgentsTogether(int used, bool allowed)
    {
        RunSummary[] history = [Run("a", 1, 300, used - 20, RunOutcome.Succeeded), Run("b", 2, 100, 20, RunOutcome.Succeeded)];
        var d = SpendPolicy.Evaluate("c", 3, history, Loop(minutes: 60), Now);
        d.Allowed.ShouldBe(allowed);
    }

    [Fact]
    public void MinutesToday_RunFromYesterday_ClippedAtMidnight()
    {
        // 11:30 yesterday-night run: 23:30 → 00:30 counts 30 minutes today.
        var run = new RunSummary("a", 1, new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 0, 30, 0, TimeSpan.Zero), RunOutcome.Failed);
        SpendPolicy.MinutesToday([run], Now).ShouldBe(30, 0.001);
    }

    [Theory]
    [InlineData(new[] { RunOutcome.Failed, RunOutcome.Failed }, true)]
    [InlineData(new[] { RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Failed }, false)]
    [InlineData(new[] { RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Succeeded }, true)]
    [InlineData(new[] { RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Cancelled, RunOutcome.Failed }, false)]
    public void Evaluate_CircuitBreaker_OpensAfterConsecutiveFailures(RunOutcome[] oldestFirst, bool allowed)
    {
        var history = oldestFirst.Select((o, i) => Run("a", 100 + i, 100 - i * 10, 1, o)).ToList();
        var d = SpendPolicy.Evaluate("a", 1, history, Loop(maxAttempts: 0, minutes: 0, breaker: 3), Now);
        d.Allowed.ShouldBe(allowed);
        d.Reasons.Any(r => r.Code == "spend.circuit-open").ShouldBe(!allowed);
    }

    [Fact]
    public void Evaluate_CircuitBreakerOfOtherAgent_DoesNotPauseThisOne()
    {
        var history = Enumerable.Range(0, 5).Select(i => Run("broken", 100 + i, 50 - i, 1, RunOutcome.Failed)).ToList();
        SpendPolicy.Evaluate("healthy", 1, history, Loop(maxAttempts: 0, minutes: 0), Now).Allowed.ShouldBeTrue();
        SpendPolicy.Evaluate("broken", 1, history, Loop(maxAttempts: 0, minutes: 0), Now).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_HumanReset_ClosesTheBreaker()
    {
        var history = Enumerable.Range(0, 5).Select(i => Run("a", 100 + i, 50 - i, 1, RunOutcome.Failed)).ToList();
        SpendPolicy.Evaluate("a", 1, history, Loop(maxAttempts: 0, minutes: 0), Now, breakerResetAt: Now.AddMinutes(-5)).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_SeveralLimits_ReportsEveryReason()
    {
        var history = Enumerable.Range(0, 3).Select(i => Run("a", 7, 200 - i * 50, 30, RunOutcome.Failed)).ToList();
        var d = SpendPolicy.Evaluate("a", 7, history, Loop(), Now);
        d.Allowed.ShouldBeFalse();
        d.Reasons.Select(r => r.Code).ShouldBe(["spend.max-attempts", "spend.daily-minutes", "spend.circuit-open"]);
    }
}
