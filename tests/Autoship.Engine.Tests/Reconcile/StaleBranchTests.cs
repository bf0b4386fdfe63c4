using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Demo;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;
using Autoship.Forge;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Reconcile;

/// <summary>
/// Issue 12 items 1 and 3 on the local forge with real git: a PR that conflicts with the base is not closed and redone
/// but handed back to its author on the same branch (the conflicting paths in its prompt, the worktree at the current
/// base); and an approval belongs to a change: a base update that leaves the diff's patch-id as it was carries the
/// reviewer agent's verdict over, a change to the diff is reviewed again. Author and reviewer are a shell script.
/// </summary>
public sealed class StaleBranchTests
{
    private const string Script = """
        #!/bin/sh
        D="$(dirname "$0")"
        p="$1"
        if head -c 60 "$p" | grep -q "reviewer agent"; then
          n=$(cat "$D/reviews" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$D/reviews"
          echo '```json'
          echo '{"verdict":"approve","findings":[]}'
          echo '```'
          exit 0
        fi
        n=$(cat "$D/authors" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$D/authors"
        cp "$p" "$D/author-prompt-$n.md"
        if [ "$n" = 1 ]; then
          printf 'AGENT GUIDE\n' > docs/guide.md
        else
          printf 'agent addition %s\n' "$n" >> docs/guide.md
        fi
        """;

    [Fact]
    public async Task TickAsync_PrConflictsWithMain_AuthorRedoesItOnTheSameBranchFromMainAndThePrMerges()
    {
        await using var demo = await DemoForge.CreateAsync();
        var agentDir = await ScriptAsync(demo);
        await demo.CommitToMainAsync(".github/autoship.yml", Config(Path.Combine(agentDir, "agent.sh"), "name: mission-control-orchestrator", "name: qa-reliability-engineer"));
        var number = await demo.FileIssueAsync("docs");
        await using var alice = await demo.OpenAsync(LocalSample.Writer);
        PullRequestSnapshot? conflicted = null;
        string? main = null;
        var log = new List<string>();
        await demo.RunUntilQuietAsync(async (a, _) =>
        {
            log.Add(a.Kind + ": " + a.Describe());
            if (a is StartAttempt && conflicted is null)
            {
                // Right after the PR opens, a maintainer rewrites the same lines on main: git cannot merge the PR any more.
                await demo.CommitToMainAsync("docs/guide.md", "MAINTAINER GUIDE\n");
                var open = (await alice.ListPullRequestsAsync("open", CancellationToken.None)).ShouldHaveSingleItem();
                conflicted = await alice.GetPullRequestAsync(open.Number, CancellationToken.None);
                main = (await alice.ObserveAsync(CancellationToken.None)).DefaultBranchSha;
            }
        });

        conflicted.ShouldNotBeNull().Mergeable.ShouldBe(false);
        conflicted.ConflictPaths.ShouldBe(["docs/guide.md"]);
        var pr = conflicted;
        var prompt = File.ReadAllText(Path.Combine(agentDir, "author-prompt-2.md"));
        prompt.ShouldContain("conflicting paths: docs/guide.md", customMessage: string.Join("\n", log));
        prompt.ShouldContain("CURRENT base branch");
        prompt.ShouldContain($"git log -p {main}..{pr.HeadSha}");
        log.ShouldNotContain(l => l.StartsWith("release", StringComparison.Ordinal), customMessage: string.Join("\n", log));
        var all = await alice.ListPullRequestsAsync("all", CancellationToken.None);
        all.ShouldHaveSingleItem().Merged.ShouldBeTrue(string.Join("\n", log));
        (await alice.ReadFileAsync("docs/guide.md", "main", CancellationToken.None)).ShouldBe("MAINTAINER GUIDE\nagent addition 2\n");
        (await alice.GetIssueAsync(number, CancellationToken.None))!.Open.ShouldBeFalse();
    }

    [Fact]
    public async Task TickAsync_BaseMergedIntoTheBranch_ReviewCarriesOverWhileTheSamePatchAndRunsAgainWhenTheDiffChanges()
    {
        await using var demo = await DemoForge.CreateAsync();
        var agentDir = await ScriptAsync(demo);
        // Lane C holds after the agent review (human approval), so the PR stays open while the base moves.
        await demo.CommitToMainAsync(".github/autoship.yml", Config(Path.Combine(agentDir, "agent.sh"), "name: mission-control-orchestrator", "name: qa-reliability-engineer"));
        var number = await demo.FileIssueAsync("docs");
        await using var alice = await demo.OpenAsync(LocalSample.Writer);
        await alice.AddLabelsAsync(number, ["lane:human"], CancellationToken.None);
        await demo.RunUntilQuietAsync();
        var pr = (await alice.ListPullRequestsAsync("open", CancellationToken.None)).ShouldHaveSingleItem();
        Reviews(agentDir).ShouldBe(1);
        var first = pr.Reviews.ShouldHaveSingleItem();
        ReviewCarryOver.PatchIdOf(first.Body).ShouldNotBeNull();

        // Another change lands on main and main is merged into the branch (what GitHub's update-branch does): same patch.
        await demo.CommitToMainAsync("README.md", "# Sample\n\nAn unrelated change on main.\n");
        await PushToBranchAsync(demo, pr.HeadBranch, clone => GitCli.RunAsync(clone, "-c", "user.name=m", "-c", "user.email=m@example.invalid", "merge", "--quiet", "--no-edit", "origin/main"));
        var log = new List<string>();
        await demo.RunUntilQuietAsync((a, _) => { log.Add(a.Kind + ": " + a.Describe()); return Task.CompletedTask; });
        var updated = (await alice.GetPullRequestAsync(pr.Number, CancellationToken.None)).ShouldNotBeNull();
        updated.HeadSha.ShouldNotBe(pr.HeadSha);
        Reviews(agentDir).ShouldBe(1, string.Join("\n", log));
        var carried = updated.Reviews.Where(r => r.CommitSha == updated.HeadSha && r.Agent == "qa-reliability-engineer").ShouldHaveSingleItem();
        carried.State.ShouldBe(ReviewState.Approved);
        carried.Body.ShouldContain("Carried over from the review of " + pr.HeadSha[..7]);
        ReviewCarryOver.PatchIdOf(carried.Body).ShouldBe(ReviewCarryOver.PatchIdOf(first.Body));

        // The change itself moves: the reviewer runs again on it.
        await PushToBranchAsync(demo, pr.HeadBranch, async clone =>
        {
            await File.AppendAllTextAsync(Path.Combine(clone, "docs/guide.md"), "one more line\n");
            await GitCli.RunAsync(clone, "-c", "user.name=m", "-c", "user.email=m@example.invalid", "commit", "--quiet", "-am", "edit the change");
        });
        await demo.RunUntilQuietAsync();
        Reviews(agentDir).ShouldBe(2);
        var changed = (await alice.GetPullRequestAsync(pr.Number, CancellationToken.None)).ShouldNotBeNull();
        var again = changed.Reviews.Where(r => r.CommitSha == changed.HeadSha && r.Agent == "qa-reliability-engineer").ShouldHaveSingleItem();
        again.Body.ShouldNotContain("Carried over");
        ReviewCarryOver.PatchIdOf(again.Body).ShouldNotBe(ReviewCarryOver.PatchIdOf(first.Body));
    }

    private static int Reviews(string agentDir) => int.Parse(File.ReadAllText(Path.Combine(agentDir, "reviews")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> ScriptAsync(DemoForge demo)
    {
        var agentDir = Path.Combine(demo.Root, "agent");
        Directory.CreateDirectory(agentDir);
        await File.WriteAllTextAsync(Path.Combine(agentDir, "agent.sh"), Script.ReplaceLineEndings("\n") + "\n");
        return agentDir;
    }

    /// <summary>Clones the forge, checks out <paramref name="branch"/>, lets <paramref name="edit"/> commit, and pushes it back as a person would.</summary>
    private static async Task PushToBranchAsync(DemoForge demo, string branch, Func<string, Task> edit)
    {
        var clone = Path.Combine(demo.Root, "person-" + Guid.NewGuid().ToString("N")[..6]);
        await GitCli.RunAsync(demo.Root, "clone", "--quiet", Path.Combine(demo.Directory, "repo.git"), clone);
        await GitCli.RunAsync(clone, "checkout", "--quiet", branch);
        await edit(clone);
        await GitCli.RunAsync(clone, "push", "--quiet", "origin", "HEAD:" + branch);
    }

    /// <summary>The demo configuration with the named agents run as the script.</summary>
    private static string Config(string script, params string[] agents)
    {
        var text = DemoRunner.DemoConfig();
        foreach (var agent in agents)
        {
            var at = text.IndexOf(agent, StringComparison.Ordinal);
            const string builtin = "runner: { preset: builtin, model: null, args: [], command: [] }";
            var runner = text.IndexOf(builtin, at, StringComparison.Ordinal);
            text = text[..runner] + $"runner: {{ preset: command, model: null, args: [], command: [\"sh\", \"{script}\", \"{{prompt_file}}\"] }}" + text[(runner + builtin.Length)..];
        }

        return text;
    }
}
