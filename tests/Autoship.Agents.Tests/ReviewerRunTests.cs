using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge;

namespace Autoship.Agents.Tests;

public sealed class ReviewerRunTests
{
    private static async Task<ReviewRequest> RequestAsync(Harness h, AgentDefinition reviewer, WorkOrder? order = null, AgentDefinition? author = null, int? behindBy = null, params (string Path, string Text)[] files)
    {
        order ??= Fixtures.Order();
        author ??= Fixtures.Agent("author", preset: "builtin");
        var head = await h.Repo.CommitOnTopAsync(order.Branch, files.Length == 0 ? [("docs/guide.md", "# Guide\n\nline one\nline two\n")] : files);
        var pr = new PullRequestSnapshot(7, order.Title, "", new Actor("autoship", Permission.Write), order.Branch, head, "main", true, false, [], [], [], [], [], DateTimeOffset.UnixEpoch) { BehindBy = behindBy };
        return new ReviewRequest(order, reviewer, author, pr, h.Repo.BaseSha, Fixtures.Config(reviewer, author), h.Repo.Path);
    }

    [Fact]
    public async Task RunReviewerAsync_JsonApproval_Approves()
    {
        using var h = await Harness.CreateAsync();
        h.Script("rev", "echo 'Looks fine.'; printf '```json\\n{\"verdict\":\"approve\",\"findings\":[{\"rubric\":\"drift\",\"severity\":\"info\",\"message\":\"small\",\"path\":\"docs/guide.md\"}]}\\n```\\n'");
        var reviewer = Fixtures.Agent("reviewer", command: ["rev", "{prompt_file}"]);

        var result = await h.Runner().RunReviewerAsync(await RequestAsync(h, reviewer), TestContext.Current.CancellationToken);

        result.Verdict.ShouldBe(ReviewVerdict.Approve);
        result.FailedClosed.ShouldBeFalse();
        result.Findings.ShouldBe([new Finding("drift", "info", "small", "docs/guide.md")]);
        var prompt = h.Recorded("prompt");
        prompt.ShouldContain("+line two");
        prompt.ShouldContain("scope:");
        prompt.ShouldContain("ownership:");
        prompt.ShouldContain("validation:");
        prompt.ShouldContain("drift:");
        result.Run.Role.ShouldBe(AgentRole.Reviewer);
        Directory.GetDirectories(Path.Combine(h.State, "worktrees")).ShouldBeEmpty();
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "LGTM, ship it!", "no ```json" },
        { "printf '```json\\n{verdict: approve}\\n```\\n'", "not valid JSON" },
        { "printf '```json\\n{\"verdict\":\"yes\"}\\n```\\n'", "unknown verdict" },
        { "printf '```json\\n{\"verdict\":\"approve\"}\\n```\\n'; exit 2", "exited with code 2" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task RunReviewerAsync_GarbageOrCrash_FailsClosed(string script, string reason)
    {
        using var h = await Harness.CreateAsync();
        h.Script("rev", script.StartsWith("printf", StringComparison.Ordinal) ? script : $"echo '{script}'");
        var reviewer = Fixtures.Agent("reviewer", command: ["rev"]);

        var result = await h.Runner().RunReviewerAsync(await RequestAsync(h, reviewer), TestContext.Current.CancellationToken);

        result.Verdict.ShouldBe(ReviewVerdict.RequestChanges);
        result.FailedClosed.ShouldBeTrue();
        result.Body.ShouldContain(reason);
        result.Run.ExitReason.ShouldContain(reason);
    }

    [Fact]
    public async Task RunReviewerAsync_HungReviewer_FailsClosedOnTimeout()
    {
        using var h = await Harness.CreateAsync();
        h.Script("rev", "sleep 300");
        var reviewer = Fixtures.Agent("reviewer", command: ["rev"], inactivity: TimeSpan.FromSeconds(1));

        var result = await h.Runner().RunReviewerAsync(await RequestAsync(h, reviewer), TestContext.Current.CancellationToken);

        result.Verdict.ShouldBe(ReviewVerdict.RequestChanges);
        result.FailedClosed.ShouldBeTrue();
        result.Body.ShouldContain("inactivity");
    }

    [Fact]
    public async Task RunReviewerAsync_ReviewerIsAuthor_Refused()
    {
        using var h = await Harness.CreateAsync();
        h.Script("rev", "printf '```json\\n{\"verdict\":\"approve\"}\\n```\\n'");
        var same = Fixtures.Agent("author", command: ["rev"]);

        var result = await h.Runner().RunReviewerAsync(await RequestAsync(h, same, author: same), TestContext.Current.CancellationToken);

        result.Verdict.ShouldBe(ReviewVerdict.RequestChanges);
        result.FailedClosed.ShouldBeTrue();
        result.Findings.ShouldContain(f => f.Rubric == "ownership");
        h.Ran.ShouldBeFalse();
    }

    [Fact]
    public async Task RunReviewerAsync_ClaudePreset_ReadOnlyPermissionMode()
    {
        using var h = await Harness.CreateAsync();
        h.Script("claude", "printf '```json\\n{\"verdict\":\"request_changes\",\"findings\":[{\"rubric\":\"validation\",\"severity\":\"error\",\"message\":\"no test\"}]}\\n```\\n'");
        var reviewer = Fixtures.Agent("reviewer", preset: "claude");

        var result = await h.Runner().RunReviewerAsync(await RequestAsync(h, reviewer), TestContext.Current.CancellationToken);

        result.Verdict.ShouldBe(ReviewVerdict.RequestChanges);
        result.FailedClosed.ShouldBeFalse();
        h.RecordedArgv().ShouldContain("plan");
        h.RecordedArgv().ShouldNotContain("acceptEdits");
    }

    [Fact]
    public async Task RunReviewerAsync_BuiltinRules_FindsScopeViolation()
    {
        using var h = await Harness.CreateAsync();
        var reviewer = Fixtures.Agent("reviewer", preset: "builtin");

        var result = await h.Runner().RunReviewerAsync(
            await RequestAsync(h, reviewer, behindBy: 2, files: [("docs/guide.md", "changed\n"), ("src/api/routes.txt", "GET /admin\n")]),
            TestContext.Current.CancellationToken);

        result.Verdict.ShouldBe(ReviewVerdict.RequestChanges);
        result.FailedClosed.ShouldBeFalse();
        result.Findings.ShouldContain(f => f.Rubric == "scope" && f.Path == "src/api/routes.txt");
        result.Findings.ShouldContain(f => f.Rubric == "drift" && f.Severity == "warning");
        result.Body.ShouldContain("src/api/routes.txt");
    }

    [Fact]
    public async Task RunReviewerAsync_BuiltinRulesInScope_Approves()
    {
        using var h = await Harness.CreateAsync();
        var result = await h.Runner().RunReviewerAsync(await RequestAsync(h, Fixtures.Agent("reviewer", preset: "builtin")), TestContext.Current.CancellationToken);
        result.Verdict.ShouldBe(ReviewVerdict.Approve, result.Body);
        result.Findings.ShouldBeEmpty();
    }
}
