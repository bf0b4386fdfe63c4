namespace Autoship.Core.Tests.Gate;

public sealed class VerificationEvidenceTests
{
    [Theory]
    [InlineData("## Verification evidence\nran tests", true)]
    [InlineData("### VERIFICATION EVIDENCE\n\n- `pytest tests/api`: 40 passed", true)]
    [InlineData("# Targeted verification evidence (staging)\nlink", true)]
    [InlineData("## Verification evidence\n### Unit\n40 passed", true)]
    [InlineData("## Verification evidence\n\n\n## Notes\nsome", false)]
    [InlineData("## Verification evidence\n<!-- fill me in -->\n", false)]
    [InlineData("## Verification evidence", false)]
    [InlineData("Verification evidence: ran tests", false)]
    [InlineData("## Summary\nverification evidence is below\n", false)]
    [InlineData("####### Verification evidence\ntext", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Has_Body_FindsANonEmptySection(string? body, bool expected)
    {
        VerificationEvidence.Has(body).ShouldBe(expected);
    }
}
