using Autoship.Core;

namespace Autoship.Agents.Tests;

public sealed class PatchAuthorRunTests
{
    private const string GoodBody = """
        The guide needs a second line.

        ```diff
        --- a/docs/guide.md
        +++ b/docs/guide.md
        @@ -1,3 +1,4 @@
         # Guide
         
         line one
        +line two
        ```

        ```diff
        this second block is ignored
        ```
        """;

    [Fact]
    public async Task RunAuthorAsync_BuiltinWithDiff_AppliesAndCommits()
    {
        using var h = await Harness.CreateAsync();
        var order = Fixtures.Order(body: GoodBody, validation: "grep -q 'line two' docs/guide.md");

        var result = await h.Runner().RunAuthorAsync(h.Author(order, Fixtures.Agent(preset: "builtin")), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        (await h.Repo.GitAsync("show", result.CommitSha + ":docs/guide.md")).ShouldBe("# Guide\n\nline one\nline two");
        result.Run.CommandLine.ShouldBe([PatchAuthor.Name]);
        result.Run.ValidationExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task RunAuthorAsync_BuiltinWithoutDiff_FailsHonestly()
    {
        using var h = await Harness.CreateAsync();
        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(body: "Please fix it."), Fixtures.Agent(preset: "builtin")), TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.Single().Code.ShouldBe("patch.none");
    }

    [Fact]
    public async Task RunAuthorAsync_BuiltinWithStaleDiff_FailsHonestly()
    {
        using var h = await Harness.CreateAsync();
        var body = "```diff\n--- a/docs/guide.md\n+++ b/docs/guide.md\n@@ -1,2 +1,2 @@\n-# Handbook\n+# Manual\n \n```\n";
        var order = Fixtures.Order(body: body);
        var result = await h.Runner().RunAuthorAsync(h.Author(order, Fixtures.Agent(preset: "builtin")), TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.Single().Code.ShouldBe("patch.does-not-apply");
        result.Reasons.Single().Message.ShouldContain("docs/guide.md");
        (await h.BranchAsync(order)).ShouldBeNull();
    }

    [Fact]
    public async Task RunAuthorAsync_BuiltinPatchTouchingWorkflow_GuardrailViolation()
    {
        using var h = await Harness.CreateAsync();
        var body = "```diff\n--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n@@ -1,2 +1,3 @@\n name: ci\n on: push\n+# sneaky\n```\n";
        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(body: body), Fixtures.Agent(preset: "builtin")), TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.GuardrailViolation);
        result.CommitSha.ShouldBeNull();
    }

    [Theory]
    [InlineData("no block here", false)]
    [InlineData("```diff\n--- a/x\n+++ b/x\n```", true)]
    [InlineData("```python\nprint(1)\n```", false)]
    public void ExtractDiff_Body_FindsFirstDiffBlock(string body, bool found) =>
        (PatchAuthor.ExtractDiff(body) is not null).ShouldBe(found);
}
