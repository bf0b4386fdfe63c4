using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Executors;
using Autoship.Engine.Tests.Support;

namespace Autoship.Engine.Tests.Executors;

/// <summary>
/// Work orders as jobs on the local executor's worker pool: the tick that dispatches ends before the agent does, a
/// later tick collects the result and only then does the harness push and open the PR; a job past its deadline or
/// lost is released like a stale claim; a re-dispatch of the same attempt adopts the job under way.
/// </summary>
public sealed class JobExecutionTests
{
    [Fact]
    public async Task Tick_LocalExecutor_DispatchesAndEndsBeforeTheAgent_ALaterTickOpensThePr()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        var gate = new TaskCompletionSource();
        using var pool = new CountingPool(demo, gate.Task);
        var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), pool, demo.Clock);

        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            report.Actions.ShouldContain(a => a.Action is StartAttempt && a.Message.Contains("dispatched as job"));
            report.Items.Single().Reasons.ShouldContain(r => r.Code == "running");
        }

        await using (var forge = await demo.OpenAsync())
        {
            (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldBeEmpty("the agent has not finished: nothing is pushed yet");
            var memory = ItemMemoryCodec.Decode(await forge.FindCommentAsync(demo.Numbers["docs"], ItemMemory.Marker, CancellationToken.None));
            memory!.Job.ShouldNotBeNull("the issue's comment names the job, so the forge shows what runs");
        }

        // A tick while the agent still works changes nothing and dispatches nothing twice.
        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            (await session.Reconciler.TickAsync(false, CancellationToken.None)).Actions.ShouldBeEmpty();
        }

        gate.SetResult();
        await pool.WhenAllAsync();
        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            report.Actions.ShouldContain(a => a.Message.Contains("PR #") && a.Message.Contains("opened"));
        }

        pool.Starts.ShouldBe(1);
        await using (var forge = await demo.OpenAsync())
        {
            (await forge.ListPullRequestsAsync("all", CancellationToken.None)).Count.ShouldBe(1);
        }
    }

    [Fact]
    public async Task Tick_JobPastItsDeadline_IsStoppedAndReleased()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        using var pool = new CountingPool(demo, new TaskCompletionSource().Task);
        var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), pool, demo.Clock);
        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            await session.Reconciler.TickAsync(false, CancellationToken.None);
        }

        demo.Clock.Advance(TimeSpan.FromHours(3));
        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            var failed = report.Actions.ShouldHaveSingleItem();
            failed.Reasons.ShouldContain(r => r.Code == "job-lost" && r.Message.Contains("deadline"));
        }

        await using (var forge = await demo.OpenAsync())
        {
            var issue = await forge.GetIssueAsync(demo.Numbers["docs"], CancellationToken.None);
            issue!.HasLabel(Labels.Claimed).ShouldBeFalse("a job past its deadline is released like a stale claim");
            ItemMemoryCodec.Decode(await forge.FindCommentAsync(issue.Number, ItemMemory.Marker, CancellationToken.None))!.Phase.ShouldBe(ItemPhase.Released);
        }

        Directory.Exists(Path.Combine(demo.StateDirectory, "jobs")).ShouldBeTrue();
        Directory.GetDirectories(Path.Combine(demo.StateDirectory, "jobs")).ShouldBeEmpty("the stopped job's directory is removed");
    }

    [Fact]
    public async Task Tick_JobWhoseWorkerDied_IsReleased()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), new DeadLauncher(), demo.Clock);
        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            report.Actions.ShouldContain(a => a.Reasons.Any(r => r.Code == "job-lost" && r.Message.Contains("without a result")));
        }

        await using var forge = await demo.OpenAsync();
        (await forge.GetIssueAsync(demo.Numbers["docs"], CancellationToken.None))!.HasLabel(Labels.Claimed).ShouldBeFalse();
        (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tick_StoreLostWhileAJobRuns_AdoptsTheJobInsteadOfStartingASecond()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        var gate = new TaskCompletionSource();
        using var pool = new CountingPool(demo, gate.Task);
        var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), pool, demo.Clock);
        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            await session.Reconciler.TickAsync(false, CancellationToken.None);
        }

        foreach (var file in Directory.GetFiles(demo.StateDirectory, "state.db*"))
        {
            File.Delete(file);
        }

        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
            report.Actions.ShouldContain(a => a.Action.Kind == "resume-attempt");
        }

        gate.SetResult();
        await pool.WhenAllAsync();
        await using (var session = await demo.SessionAsync(executors: _ => executor))
        {
            await session.Reconciler.TickAsync(false, CancellationToken.None);
        }

        pool.Starts.ShouldBe(1, "the resumed attempt adopted the job under way");
        await using var forge = await demo.OpenAsync();
        (await forge.ListPullRequestsAsync("all", CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Tick_ReviewRunsAsAJob_ALaterTickPostsItsVerdict()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        await demo.UseAgentReviewerAsync();
        var reviews = new TaskCompletionSource();
        using var pool = new CountingPool(demo, Task.CompletedTask, reviews.Task);
        var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), pool, demo.Clock);
        await TickAsync(demo, executor);
        await pool.WhenAllAsync();

        var opened = await TickAsync(demo, executor);
        opened.Actions.ShouldContain(a => a.Message.Contains("PR #") && a.Message.Contains("opened"));
        opened.Actions.ShouldContain(a => a.Action is ReviewPullRequest && a.Message.Contains("dispatched as job"), "the review is a job, not run inside the tick");
        pool.ReviewStarts.ShouldBe(1);
        await using (var forge = await demo.OpenAsync())
        {
            (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem().Reviews.ShouldBeEmpty();
        }

        var waiting = await TickAsync(demo, executor);
        waiting.Actions.ShouldNotContain(a => a.Action is ReviewPullRequest, "a review job under way is not dispatched or run again");
        waiting.Items.Single().Reasons.ShouldNotBeEmpty();
        pool.ReviewStarts.ShouldBe(1);

        reviews.SetResult();
        await pool.WhenAllAsync();
        var posted = await TickAsync(demo, executor);
        posted.Actions.ShouldContain(a => a.Action is ReviewPullRequest && (a.Message.Contains("approved") || a.Message.Contains("requested changes")));
        pool.Starts.ShouldBe(1);
        pool.ReviewStarts.ShouldBe(1, "one author job and one review job: nothing done twice");
        await using (var forge = await demo.OpenAsync())
        {
            var pr = (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem();
            pr.Reviews.ShouldContain(r => r.CommitSha == pr.HeadSha && r.Agent != null);
        }
    }

    [Fact]
    public async Task Tick_BuiltinRulesReviewer_ReviewsInTheTickWithoutStartingAJob()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        using var pool = new CountingPool(demo, Task.CompletedTask);
        var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), pool, demo.Clock);
        await TickAsync(demo, executor);
        await pool.WhenAllAsync();

        var opened = await TickAsync(demo, executor);

        opened.Actions.ShouldContain(a => a.Message.Contains("PR #") && a.Message.Contains("opened"));
        opened.Actions.ShouldContain(a => a.Action is ReviewPullRequest && (a.Message.Contains("approved") || a.Message.Contains("requested changes")),
            "the built-in reviewer runs no agent: it reviews in the tick that opened the PR");
        opened.Actions.ShouldNotContain(a => a.Message.Contains("dispatched as job") && a.Action is ReviewPullRequest);
        pool.Starts.ShouldBe(1);
        pool.ReviewStarts.ShouldBe(0);
    }

    [Fact]
    public async Task Tick_ReviewJobLost_FailsClosedWithChangesRequested()
    {
        await using var demo = await DemoForge.CreateAsync("docs");
        await demo.UseAgentReviewerAsync();
        using var pool = new CountingPool(demo, Task.CompletedTask);
        var executor = new LocalExecutor(Path.Combine(demo.StateDirectory, "jobs"), new ReviewsDie(pool), demo.Clock);
        await TickAsync(demo, executor);
        await pool.WhenAllAsync();
        var actions = (await TickAsync(demo, executor)).Actions.Concat((await TickAsync(demo, executor)).Actions).ToList();
        actions.Where(a => a.Action is ReviewPullRequest).Select(a => a.Message).ShouldContain(m => m.Contains("failed closed"));
        await using var forge = await demo.OpenAsync();
        var pr = (await forge.ListPullRequestsAsync("all", CancellationToken.None)).ShouldHaveSingleItem();
        var posted = pr.Reviews.ShouldHaveSingleItem();
        posted.State.ShouldBe(ReviewState.ChangesRequested, "a review that never answered is not an approval");
        posted.CommitSha.ShouldBe(pr.HeadSha);
    }

    private static async Task<Autoship.Engine.Reconcile.TickReport> TickAsync(DemoForge demo, IWorkExecutor executor)
    {
        await using var session = await demo.SessionAsync(executors: _ => executor);
        return await session.Reconciler.TickAsync(false, CancellationToken.None);
    }

    /// <summary>The in-process worker pool, with agents held until <paramref name="release"/> completes, counting starts.</summary>
    private sealed class CountingPool(DemoForge demo, Task release, Task? reviews = null) : IJobLauncher, IDisposable
    {
        private readonly InProcessLauncher inner = new(dir => new HeldRunner(new AgentRunner(new AgentRunnerOptions(dir) { Time = demo.Clock }), release, reviews ?? Task.CompletedTask));

        /// <summary>Author jobs started (review jobs are counted apart).</summary>
        public int Starts { get; private set; }

        public int ReviewStarts { get; private set; }

        public string? Start(JobDirectory job)
        {
            if (JobJson.Read<JobSpec>(File.ReadAllText(job.Spec))?.Review is null)
            {
                Starts++;
            }
            else
            {
                ReviewStarts++;
            }

            return inner.Start(job);
        }

        public bool IsAlive(JobDirectory job, DateTimeOffset now) => inner.IsAlive(job, now);

        public void Stop(JobDirectory job) => inner.Stop(job);

        public Task WhenAllAsync() => inner.WhenAllAsync();

        public void Dispose() => inner.Dispose();
    }

    private sealed class HeldRunner(IAgentRunner inner, Task release, Task reviews) : IAgentRunner
    {
        public async Task<AuthorResult> RunAuthorAsync(AuthorRequest request, CancellationToken cancellationToken)
        {
            await release.WaitAsync(cancellationToken);
            return await inner.RunAuthorAsync(request, cancellationToken);
        }

        public async Task<ReviewResult> RunReviewerAsync(ReviewRequest request, CancellationToken cancellationToken)
        {
            await reviews.WaitAsync(cancellationToken);
            return await inner.RunReviewerAsync(request, cancellationToken);
        }
    }

    /// <summary>Runs author jobs on <paramref name="inner"/>; a review job's worker dies at once without a result.</summary>
    private sealed class ReviewsDie(IJobLauncher inner) : IJobLauncher
    {
        public string? Start(JobDirectory job) => IsReview(job) ? null : inner.Start(job);

        public bool IsAlive(JobDirectory job, DateTimeOffset now) => !IsReview(job) && inner.IsAlive(job, now);

        public void Stop(JobDirectory job) => inner.Stop(job);

        private static bool IsReview(JobDirectory job) =>
            File.Exists(job.Spec) && JobJson.Read<JobSpec>(File.ReadAllText(job.Spec))?.Review is not null;
    }

    /// <summary>A worker that dies at once without a result.</summary>
    private sealed class DeadLauncher : IJobLauncher
    {
        public string? Start(JobDirectory job) => null;

        public bool IsAlive(JobDirectory job, DateTimeOffset now) => false;

        public void Stop(JobDirectory job)
        {
        }
    }
}
