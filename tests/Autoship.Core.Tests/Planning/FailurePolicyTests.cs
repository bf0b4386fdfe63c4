using Autoship.Core.Planning;

namespace Autoship.Core.Tests.Planning;

/// <summary>Failure classes (issue 14 item 8): provider errors pause the agent without using an attempt; a refusal gets one more try with its reason in the prompt.</summary>
public sealed class FailurePolicyTests
{
    public static TheoryData<string, FailureClass> Codes => new()
    {
        { "model.rate-limit", FailureClass.Provider },
        { "model.quota", FailureClass.Provider },
        { "model.auth", FailureClass.Provider },
        { "model-unreachable", FailureClass.Provider },
        { "run.refused", FailureClass.Refusal },
        { "guardrails.never", FailureClass.Refusal },
        { "guardrails.max-lines", FailureClass.Refusal },
        { "harness.git-metadata", FailureClass.Refusal },
        { "env.forbidden", FailureClass.Refusal },
        { "agent.exit-code", FailureClass.Agent },
        { "agent.timeout", FailureClass.Agent },
        { "validation.failed", FailureClass.Agent },
        { "run.no-changes", FailureClass.Agent },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void ClassOf_ReasonCode_IsItsClass(string code, FailureClass expected) => FailurePolicy.ClassOf(code).ShouldBe(expected);

    [Theory]
    // class,            attempt, max, refusals before, provider in a row → counts, blocks, pause (min), last reason code
    [InlineData("model.rate-limit", 1, 3, 0, 1, false, false, 5, "agent-paused-provider")]
    [InlineData("model.quota", 3, 3, 0, 2, false, false, 10, "agent-paused-provider")]
    [InlineData("model-unreachable", 2, 3, 1, 9, false, false, 120, "agent-paused-provider")]
    [InlineData("guardrails.never", 1, 3, 0, 0, true, false, null, "guardrails.never")]
    [InlineData("guardrails.never", 2, 3, 1, 0, true, true, null, "needs-rescope")]
    [InlineData("agent.exit-code", 1, 3, 0, 0, true, false, null, "agent.exit-code")]
    [InlineData("agent.exit-code", 3, 3, 0, 0, true, true, null, "max-attempts")]
    public void Decide_Table(string code, int attempt, int max, int refusals, int inARow, bool counts, bool blocks, int? pauseMinutes, string lastCode)
    {
        var d = FailurePolicy.Decide([new Reason(code, "what happened")], attempt, max, refusals, inARow);

        d.CountsAsAttempt.ShouldBe(counts);
        d.Block.ShouldBe(blocks);
        d.AgentPause.ShouldBe(pauseMinutes is { } m ? TimeSpan.FromMinutes(m) : null);
        d.Reasons[^1].Code.ShouldBe(lastCode);
        d.Reasons.ShouldContain(r => r.Code == code);
    }

    [Fact]
    public void ClassOf_RefusalAndProviderTogether_IsARefusal() =>
        FailurePolicy.ClassOf([new Reason("model.rate-limit", "429"), new Reason("guardrails.never", "never path")]).ShouldBe(FailureClass.Refusal);

    [Fact]
    public void CarriedFeedback_OneRefusalRemembered_IsPutInTheNextPromptOnce()
    {
        var memory = ItemMemory.Empty with { Phase = ItemPhase.Released, Reasons = [new Reason("guardrails.never", "touched .github/workflows/ci.yml"), new Reason("x", "other")], Refusals = 1 };

        var carried = FailurePolicy.CarriedFeedback(memory).ShouldHaveSingleItem();
        carried.Source.ShouldBe(FixFeedback.Harness);
        carried.Text.ShouldContain(".github/workflows/ci.yml");
        FailurePolicy.CarriedFeedback(memory with { Refusals = 0 }).ShouldBeEmpty();
        FailurePolicy.CarriedFeedback(memory with { Refusals = 2 }).ShouldBeEmpty();
    }
}
