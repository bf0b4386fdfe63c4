using System.Text;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Executors;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Tests.Support;
using Autoship.Forge;
using Autoship.Forge.GitHub;

namespace Autoship.Engine.Tests.Executors;

/// <summary>
/// The github-actions executor through the reconciler, tick by tick, against GitHub Actions on loopback (GitHub's
/// documented answers; every request checked against its OpenAPI description): dispatch → run queued, in progress,
/// completed → artifact (storage redirect, zip) → verification (work order, base, digest, files and line counts,
/// paths) → the harness's own commit, push and PR; then the review runs the same way. Each failure — the run failed,
/// no artifact, a digest that does not match, a result for another base — is refused with its reason and released.
/// </summary>
public sealed class ActionsEndToEndTests
{
    [Fact]
    public async Task Tick_GitHubActions_DispatchRunArtifactVerifyThenTheHarnessOpensThePrAndPostsTheReview()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        await demo.UseAgentReviewerAsync();
        await using var actions = new ActionsGitHub(demo.Root);
        var executor = Executor(demo, actions);

        var dispatched = await TickAsync(demo, executor);
        dispatched.Actions.ShouldContain(a => a.Action is StartAttempt && a.Message.Contains("dispatched as job") && a.Message.Contains("github-actions"));
        actions.Runs.ShouldHaveSingleItem().Status.ShouldBe("queued");

        (await TickAsync(demo, executor)).Actions.ShouldBeEmpty("a queued run is waited for");
        actions.StartAll();
        (await TickAsync(demo, executor)).Actions.ShouldBeEmpty("a run in progress is waited for");

        var authored = await actions.RunAsync(Cache(demo));
        authored.Artifact!.ShouldContainKey("change.patch");
        var opened = await TickAsync(demo, executor);
        opened.Actions.ShouldContain(a => a.Action.Kind == "resume-attempt" && a.Message.Contains("PR #") && a.Message.Contains("opened"));
        opened.Actions.ShouldContain(a => a.Action is ReviewPullRequest && a.Message.Contains("dispatched as job"), "the review runs as a job too");
        actions.Runs.Count.ShouldBe(2);
        actions.Runs.Last().Order.ShouldContain("-review-");

        await using (var forge = await demo.OpenAsync())
        {
            var pr = (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem();
            pr.Reviews.ShouldBeEmpty("the review job has not run yet");
            var author = await Forge.Git.GitCli.RunAsync(Path.Combine(demo.Directory, "repo.git"), "log", "-1", "--format=%an", pr.HeadSha);
            author.Trim().ShouldBe("autoship[bot]", "the harness made the commit from the verified patch, not the runner");
        }

        actions.StartAll();
        await actions.RunAsync(Cache(demo));
        var reviewed = await TickAsync(demo, executor);
        reviewed.Actions.ShouldContain(a => a.Action is ReviewPullRequest && (a.Message.Contains("approved") || a.Message.Contains("requested changes")));

        await using (var forge = await demo.OpenAsync())
        {
            var pr = (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem();
            pr.Reviews.ShouldContain(r => r.CommitSha == pr.HeadSha && r.Agent != null, "the harness posted the review job's verdict");
        }

        actions.Runs.Count.ShouldBe(2, "nothing dispatched twice");
        var problems = actions.Problems();
        problems.ShouldBeEmpty(string.Join("\n", problems));
        actions.ApiRequests().ShouldAllBe(r => r.Headers.ContainsKey("Authorization"));
        actions.StorageRequests().Count.ShouldBe(2);
        actions.StorageRequests().ShouldAllBe(r => !r.Headers.ContainsKey("Authorization"), "the storage redirect never receives the forge token");
    }

    [Fact]
    public async Task Tick_RunConcludedFailure_IsReleasedWithTheReason()
    {
        var reasons = await RefusedAsync(async (actions, cache) =>
        {
            actions.Runs.Single().Conclusion = "failure";
            await actions.RunAsync(cache);
        });
        reasons.ShouldContain(r => r.Code == "job-lost" && r.Message.Contains("concluded failure"));
    }

    [Fact]
    public async Task Tick_RunWithoutArtifact_IsReleasedWithTheReason()
    {
        var reasons = await RefusedAsync(async (actions, cache) =>
        {
            var run = await actions.RunAsync(cache);
            run.Artifact = null;
        });
        reasons.ShouldContain(r => r.Code == "job-lost" && r.Message.Contains("uploaded no artifact"));
    }

    [Fact]
    public async Task Tick_PatchNotTheOneTheResultRecords_IsRefusedByItsDigest()
    {
        var reasons = await RefusedAsync((actions, cache) => actions.RunAsync(cache, (_, files) =>
        {
            files["change.patch"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["change.patch"]).Replace("+", "+tampered ", StringComparison.Ordinal));
            return Task.CompletedTask;
        }));
        reasons.ShouldContain(r => r.Code == "job-lost" && r.Message.Contains("not the one the run's result records"));
    }

    [Fact]
    public async Task Tick_ResultForAnotherBase_IsRefused()
    {
        var reasons = await RefusedAsync((actions, cache) => actions.RunAsync(cache, (_, files) =>
        {
            var result = JobJson.Read<JobResult>(Encoding.UTF8.GetString(files["result.json"]))!;
            files["result.json"] = Encoding.UTF8.GetBytes(JobJson.Write(result with { BaseSha = new string('b', 40) }));
            return Task.CompletedTask;
        }));
        reasons.ShouldContain(r => r.Code == "job-lost" && r.Message.Contains("not the dispatched base"));
    }

    /// <summary>Dispatches the docs item, lets <paramref name="misbehave"/> end its run, ticks: returns the released item's reasons after checking nothing was pushed.</summary>
    private static async Task<IReadOnlyList<Reason>> RefusedAsync(Func<ActionsGitHub, string, Task> misbehave)
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        await using var actions = new ActionsGitHub(demo.Root);
        var executor = Executor(demo, actions);
        await TickAsync(demo, executor);
        actions.StartAll();
        await misbehave(actions, Cache(demo));
        var report = await TickAsync(demo, executor);
        var failed = report.Actions.ShouldHaveSingleItem();
        failed.Action.Kind.ShouldBe("resume-attempt");
        failed.Outcome.ShouldBe(ActionOutcome.Failed);

        await using var forge = await demo.OpenAsync();
        (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldBeEmpty("nothing refused is pushed");
        var issue = (await forge.GetIssueAsync(demo.Numbers["docs"], CancellationToken.None))!;
        issue.HasLabel(Labels.Claimed).ShouldBeFalse("the refused job's claim is released");
        var memory = ItemMemoryCodec.Decode(await forge.FindCommentAsync(issue.Number, ItemMemory.Marker, CancellationToken.None))!;
        memory.Phase.ShouldBe(ItemPhase.Released);
        var problems = actions.Problems();
        problems.ShouldBeEmpty(string.Join("\n", problems));
        return failed.Reasons;
    }

    private static string Cache(DemoForge demo) => Path.Combine(demo.StateDirectory, "cache", "repo.git");

    private static GitHubActionsExecutor Executor(DemoForge demo, ActionsGitHub actions) =>
        new(new GitHubActionsClient(new GitHubForgeOptions("octocat", "hello-world", actions.Server.Url, new StaticTokenSource("secret-token"))
        {
            Resilience = new ResilienceSettings(MaxRetries: 0),
        }), "autoship-agent.yml", Cache(demo), demo.Clock);

    private static async Task<TickReport> TickAsync(DemoForge demo, IWorkExecutor executor)
    {
        await using var session = await demo.SessionAsync(executors: _ => executor);
        return await session.Reconciler.TickAsync(false, CancellationToken.None);
    }
}
