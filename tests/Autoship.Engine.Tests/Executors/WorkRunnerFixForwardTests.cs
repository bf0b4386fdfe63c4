using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Engine.Executors;
using Autoship.Forge.Git;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Executors;

/// <summary>
/// What <c>autoship work</c> does with a fix-forward job, read back from its spec.json as a detached worker reads it:
/// the worktree starts at the PR head, the findings are in the agent's prompt, the commit goes on top of the head, and
/// a tree equal to the head's is "no change" with a reason that says so.
/// </summary>
public sealed class WorkRunnerFixForwardTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "autoship-work-ff-" + Guid.NewGuid().ToString("N")[..10]);

    private const string Script = """
        #!/bin/sh
        D="$(dirname "$0")"
        cp "$1" "$D/prompt.md"
        git log --format=%s -1 > "$D/started-at.txt"
        if [ -f "$D/change" ]; then echo "second attempt" >> docs/guide.md; fi
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_FixForwardSpec_StartsAtTheHeadWithTheFindingsAndCommitsOnTopOrSaysNoChange(bool change)
    {
        var repo = Path.Combine(root, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "docs"));
        await File.WriteAllTextAsync(Path.Combine(repo, "docs", "guide.md"), "guide\n");
        await GitCli.RunAsync(repo, "init", "-q", "-b", "main");
        await Git(repo, "add", ".");
        await Git(repo, "commit", "-qm", "base");
        var baseSha = (await GitCli.RunAsync(repo, "rev-parse", "HEAD")).Trim();
        await File.AppendAllTextAsync(Path.Combine(repo, "docs", "guide.md"), "first attempt\n");
        await Git(repo, "commit", "-qam", "attempt one");
        var head = (await GitCli.RunAsync(repo, "rev-parse", "HEAD")).Trim();
        await Git(repo, "checkout", "-q", "--detach", baseSha);

        var agentDir = Path.Combine(root, "agent");
        Directory.CreateDirectory(agentDir);
        var script = Path.Combine(agentDir, "agent.sh");
        await File.WriteAllTextAsync(script, Script.ReplaceLineEndings("\n") + "\n");
        if (change)
        {
            await File.WriteAllTextAsync(Path.Combine(agentDir, "change"), "");
        }

        var order = Order(Ready(7, "docs"), "docs", attempt: 2) with { ValidationCommand = "" };
        var context = new AuthorContext([FixFeedback.Of(FixFeedback.Ci, "ci", "scripts/test.sh failed\n\nlast lines of the log:\nCI-TAIL-NARWHAL")]) { PullRequest = 3, ContinueFrom = head };
        var job = JobDirectory.For(Path.Combine(root, "jobs"), JobIds.For(order));
        Directory.CreateDirectory(job.Path);
        JobJson.WriteFile(job.Spec, new JobSpec(order, Config(script), baseSha, repo, Path.Combine(root, "state")) { AuthorContext = context });

        var result = await WorkRunner.RunAsync(job, dir => new AgentRunner(new AgentRunnerOptions(dir)), CancellationToken.None);

        var prompt = await File.ReadAllTextAsync(Path.Combine(agentDir, "prompt.md"));
        prompt.ShouldContain("## Fix forward: attempt 2");
        prompt.ShouldContain("CI-TAIL-NARWHAL");
        (await File.ReadAllTextAsync(Path.Combine(agentDir, "started-at.txt"))).Trim().ShouldBe("attempt one", "the worktree starts at the PR head, not the base");
        var author = result.Author.ShouldNotBeNull();
        if (change)
        {
            author.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", author.Reasons.Select(r => r.Message)));
            (await GitCli.RunAsync(repo, "rev-parse", author.CommitSha + "^")).Trim().ShouldBe(head);
            var file = author.Files.ShouldHaveSingleItem();
            (file.Path, file.Added, file.Deleted).ShouldBe(("docs/guide.md", 2, 0), "the guardrails see the whole change since the fork point");
            File.Exists(job.Patch).ShouldBeTrue("the patch a remote executor uploads is written beside the result");
        }
        else
        {
            author.Outcome.ShouldBe(AttemptOutcome.NoChanges);
            author.Reasons.ShouldHaveSingleItem().Message.ShouldContain($"left the tree of the PR head {head[..12]} as it was: no change to push");
            (await GitCli.TryRunAsync(repo, ["rev-parse", "--verify", "--quiet", "refs/heads/" + order.Branch])).Ok.ShouldBeFalse("nothing is committed");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Task<string> Git(string repo, params string[] args) => GitCli.RunAsync(repo, ["-c", "user.name=t", "-c", "user.email=t@t", .. args]);

    /// <summary>The default configuration with the docs owner run as the script.</summary>
    private static string Config(string script)
    {
        var text = DefaultConfig.Yaml;
        var at = text.IndexOf("name: mission-control-orchestrator", StringComparison.Ordinal);
        const string builtin = "runner: { preset: builtin, model: null, args: [], command: [] }";
        var runner = text.IndexOf(builtin, at, StringComparison.Ordinal);
        return text[..runner] + $"runner: {{ preset: command, model: null, args: [], command: [\"sh\", \"{script}\", \"{{prompt_file}}\"] }}" + text[(runner + builtin.Length)..];
    }
}
