using Autoship.Core;

namespace Autoship.Core.Tests.Wording;

public sealed class ReasonTextTests
{
    [Fact]
    public void With_ReasonTheMessageAlreadySays_IsNotRepeated()
    {
        var reasons = new[] { new Reason("validation.failed", "`scripts/test.sh` exited with code 1"), new Reason("max-attempts", "3 of 3 attempts used") };

        var text = ReasonText.With("#8: start attempt 3: validation-failed — `scripts/test.sh` exited with code 1", reasons);

        text.ShouldBe("#8: start attempt 3: validation-failed — `scripts/test.sh` exited with code 1 — 3 of 3 attempts used");
    }

    [Fact]
    public void With_SameReasonTwice_ShowsItOnce() =>
        ReasonText.With("merge", [new Reason("a", "checks are green"), new Reason("b", "checks are green")]).ShouldBe("merge — checks are green");

    [Fact]
    public void With_NoReasonLeft_IsTheMessageAlone() =>
        ReasonText.With("claimed", [new Reason("claimed", "claimed")]).ShouldBe("claimed");

    [Theory]
    [InlineData("validation-failed", "validation-failed", "validation-failed")]
    [InlineData("validation-failed", "Validation-Failed ", "Validation-Failed ")]
    [InlineData("max-attempts", "3 of 3 attempts used", "3 of 3 attempts used (max-attempts)")]
    public void Describe_MessageThatIsItsCode_IsShownOnce(string code, string message, string expected) =>
        ReasonText.Describe(new Reason(code, message)).ShouldBe(expected);
}
