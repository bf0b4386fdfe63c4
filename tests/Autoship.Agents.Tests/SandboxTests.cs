using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests;

/// <summary>
/// bubblewrap runs (Debian package <c>bubblewrap</c>; CI installs it). These tests do not skip: when bwrap is
/// missing they fail with a message saying so.
/// </summary>
public sealed class SandboxTests
{
    private static void RequireBwrap() =>
        BubblewrapSandbox.IsAvailable().ShouldBeTrue("bubblewrap is not installed: apt-get install -y bubblewrap");

    [Fact]
    public async Task RunAuthorAsync_Bwrap_WorktreeWritableRestInvisibleNoNetwork()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        var outside = Path.Combine(h.Dir.Path, "outside-marker");
        // The record directory is outside the sandbox (invisible), so the stand-in reports on stdout, into the log.
        h.Script("agent", $$"""
            echo "home=$HOME"
            echo x >> docs/guide.md
            echo pwned > {{outside}} 2> /dev/null
            git push -q {{h.Repo.Remote}} HEAD:refs/heads/evil > /dev/null 2>&1; echo "push=$?"
            hooks="$(git rev-parse --git-common-dir)/hooks"; echo evil > "$hooks/pre-commit" 2> /dev/null; echo "hook=$?"
            (exec 3<>/dev/tcp/127.0.0.1/9) 2> /dev/null; echo "net=$?"
            ls "$AGENT_RECORD" > /dev/null 2>&1; echo "record=$?"
            git status --porcelain > /dev/null; echo "git=$?"
            """);
        var agent = Fixtures.Agent(command: ["agent"], sandbox: SandboxKind.Bwrap, network: false);
        var remoteBefore = await h.Repo.RemoteRefsAsync();

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons) + File.ReadAllText(result.Run.LogPath!));
        result.Run.CommandLine[0].ShouldEndWith("bwrap");
        var seen = File.ReadAllLines(result.Run.LogPath!).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('$')).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        seen["home"].ShouldBe(BubblewrapSandbox.SandboxHome);
        // Writes outside the worktree land on the sandbox's tmpfs, never on the host.
        File.Exists(outside).ShouldBeFalse();
        seen["push"].ShouldNotBe("0");
        seen["hook"].ShouldNotBe("0");
        seen["net"].ShouldNotBe("0");
        seen["record"].ShouldNotBe("0");
        seen["git"].ShouldBe("0");
        (await h.Repo.RemoteRefsAsync()).ShouldBe(remoteBefore);
        result.Files.Select(f => f.Path).ShouldBe(["docs/guide.md"]);
    }

    [Fact]
    public async Task ProbeAsync_Installed_Works()
    {
        RequireBwrap();
        var (ok, message) = await BubblewrapSandbox.ProbeAsync(TestContext.Current.CancellationToken);
        ok.ShouldBeTrue(message);
    }

    [Fact]
    public async Task RunReviewerAsync_Bwrap_WorktreeReadOnly()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        h.Script("rev", "echo x >> docs/guide.md 2> /dev/null && echo wrote=yes || echo wrote=no; printf '```json\\n{\"verdict\":\"approve\"}\\n```\\n'");
        var order = Fixtures.Order();
        var head = await h.Repo.CommitOnTopAsync(order.Branch, ("docs/guide.md", "new\n"));
        var reviewer = Fixtures.Agent("reviewer", command: ["rev"], sandbox: SandboxKind.Bwrap, network: false);
        var author = Fixtures.Agent("author", preset: "builtin");
        var pr = new PullRequestSnapshot(1, "t", "", new Actor("autoship", Permission.Write), order.Branch, head, "main", true, false, [], [], [], [], [], DateTimeOffset.UnixEpoch);

        var result = await h.Runner().RunReviewerAsync(new ReviewRequest(order, reviewer, author, pr, h.Repo.BaseSha, Fixtures.Config(reviewer, author), h.Repo.Path), TestContext.Current.CancellationToken);

        result.Verdict.ShouldBe(Forge.ReviewVerdict.Approve, result.Body);
        File.ReadAllText(result.Run.LogPath!).ShouldContain("wrote=no");
    }

    [Fact]
    public async Task RunAuthorAsync_BwrapRequestedButMissing_FailsWithoutRunning()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo x >> docs/guide.md");
        // The agent's PATH holds only the stand-in: no bwrap can be found there.
        h.Env["PATH"] = h.Bin;
        var agent = Fixtures.Agent(command: ["agent"], sandbox: SandboxKind.Bwrap);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.Single().Code.ShouldBe("sandbox.unavailable");
        result.Reasons.Single().Message.ShouldContain("never run unsandboxed");
        h.Ran.ShouldBeFalse();
    }
}
