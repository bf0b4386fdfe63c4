using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Autoship.Agents;
using Autoship.Engine.Executors;
using Autoship.Forge.Git;
using Autoship.Forge.Tests.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Engine.Tests.Executors;

/// <summary>
/// GitHub Actions on loopback for the <c>github-actions</c> executor: every request is answered from GitHub's own
/// example (the OpenAPI description's) with this run's fields put in, and checked against the description. A
/// dispatched run is queued, then in progress; <see cref="RunAsync"/> plays the runner — it checks out the base in a
/// clone and runs <c>autoship work</c>'s code on the job spec from the workflow input — and uploads the artifact the
/// agent workflow uploads. The artifact download redirects to a storage address, as GitHub does.
/// </summary>
public sealed class ActionsGitHub : IAsyncDisposable
{
    private readonly OpenApiDescription api = OpenApiDescription.Instance;
    private readonly ConcurrentDictionary<long, Run> runs = new();
    private readonly string workRoot;
    private long nextRun = 30433642;

    public ActionsGitHub(string workRoot)
    {
        this.workRoot = workRoot;
        Server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}""")) { Responder = Respond };
    }

    public LoopbackGitHub Server { get; }

    public IReadOnlyCollection<Run> Runs => runs.Values.OrderBy(r => r.Id).ToList();

    /// <summary>One dispatched run: its job id and spec (from the inputs), where it stands, and what it uploaded.</summary>
    public sealed class Run(long id, string order, string spec)
    {
        public long Id { get; } = id;

        public string Order { get; } = order;

        public string Spec { get; } = spec;

        public string Status { get; set; } = "queued";

        public string? Conclusion { get; set; }

        /// <summary>The artifact's files (null: nothing uploaded).</summary>
        public Dictionary<string, byte[]>? Artifact { get; set; }
    }

    /// <summary>Marks every queued run in progress (the runner picked it up).</summary>
    public void StartAll()
    {
        foreach (var run in runs.Values.Where(r => r.Status == "queued"))
        {
            run.Status = "in_progress";
        }
    }

    /// <summary>Runs the job as the agent workflow does and completes the run with its artifact.</summary>
    public async Task<Run> RunAsync(string cacheRepository, Func<Run, Dictionary<string, byte[]>, Task>? tamper = null)
    {
        var run = runs.Values.Where(r => r.Status != "completed").OrderBy(r => r.Id).First();
        var dir = Path.Combine(workRoot, "runner-" + run.Id);
        var job = new JobDirectory(Path.Combine(dir, "job"));
        Directory.CreateDirectory(job.Path);
        await File.WriteAllBytesAsync(job.Spec, Convert.FromBase64String(run.Spec));
        var spec = JobJson.Read<JobSpec>(await File.ReadAllTextAsync(job.Spec)) ?? throw new InvalidOperationException("the dispatched spec does not parse");
        var checkout = Path.Combine(dir, "checkout");
        // actions/checkout of the base commit (fetch-depth 0): the PR head a review needs is among the fetched refs.
        await GitCli.RunAsync(workRoot, "clone", "--quiet", "--no-checkout", cacheRepository, checkout);
        await GitCli.RunAsync(checkout, "fetch", "--quiet", "origin", "+refs/*:refs/origin-all/*");
        await GitCli.RunAsync(checkout, "checkout", "--quiet", "--detach", spec.BaseSha);

        await WorkRunner.RunAsync(job, state => new AgentRunner(new AgentRunnerOptions(state)), CancellationToken.None, checkout, Path.Combine(dir, "state"));
        var files = new Dictionary<string, byte[]> { ["result.json"] = await File.ReadAllBytesAsync(job.Result) };
        if (File.Exists(job.Patch))
        {
            files["change.patch"] = await File.ReadAllBytesAsync(job.Patch);
        }

        if (tamper is not null)
        {
            await tamper(run, files);
        }

        run.Artifact = files;
        run.Status = "completed";
        run.Conclusion ??= "success";
        return run;
    }

    /// <summary>Every problem of every request against GitHub's REST description (the storage download excepted: it is not GitHub's API).</summary>
    public List<string> Problems() =>
        ApiRequests().SelectMany(r => OpenApiConformance.Problems(api, r)).Distinct().ToList();

    public List<LoopbackGitHub.Received> ApiRequests() => Server.Requests.Where(r => !r.PathAndQuery.StartsWith("/blob/", StringComparison.Ordinal)).ToList();

    public List<LoopbackGitHub.Received> StorageRequests() => Server.Requests.Where(r => r.PathAndQuery.StartsWith("/blob/", StringComparison.Ordinal)).ToList();

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private Answer? Respond(LoopbackGitHub.Received request)
    {
        var path = Uri.UnescapeDataString(new Uri("http://x" + request.PathAndQuery).AbsolutePath);
        if (path.StartsWith("/blob/", StringComparison.Ordinal))
        {
            var id = long.Parse(path["/blob/".Length..path.IndexOf(".zip", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            return runs.TryGetValue(id, out var blobRun) && blobRun.Artifact is { } files
                ? new Answer(200, string.Empty) { Bytes = Zip(files) }
                : new Answer(404, """{"message":"Not Found"}""");
        }

        if (api.Find(request.Method, path) is not { } found)
        {
            return new Answer(404, """{"message":"Not Found"}""");
        }

        var (status, example) = api.Example(found.Operation);
        switch (found.Template)
        {
            case "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches":
                var inputs = JsonNode.Parse(request.Body)!["inputs"]!;
                var id = Interlocked.Increment(ref nextRun);
                runs[id] = new Run(id, inputs["order"]!.GetValue<string>(), inputs["spec"]!.GetValue<string>());
                return new Answer(status, example ?? string.Empty);
            case "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs":
                var list = JsonNode.Parse(example!)!;
                var template = list["workflow_runs"]![0]!.DeepClone();
                var items = new JsonArray();
                foreach (var run in runs.Values.OrderByDescending(r => r.Id))
                {
                    var item = template.DeepClone();
                    item["id"] = run.Id;
                    item["display_title"] = GitHubActionsExecutor.Title(run.Order);
                    item["event"] = "workflow_dispatch";
                    item["status"] = run.Status;
                    item["conclusion"] = run.Conclusion;
                    items.Add(item);
                }

                list["total_count"] = items.Count;
                list["workflow_runs"] = items;
                return new Answer(status, list.ToJsonString());
            case "/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts":
                var runId = long.Parse(path.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
                var artifacts = JsonNode.Parse(example!)!;
                var artifact = artifacts["artifacts"]![0]!.DeepClone();
                var found2 = runs.TryGetValue(runId, out var owner) && owner.Artifact is not null;
                artifact["id"] = runId;
                artifact["name"] = found2 ? "autoship-job-" + owner!.Order : "other";
                artifact["expired"] = false;
                artifacts["total_count"] = found2 ? 1 : 0;
                artifacts["artifacts"] = found2 ? new JsonArray(artifact) : new JsonArray();
                return new Answer(status, artifacts.ToJsonString());
            case "/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}":
                var artifactId = path.Split('/')[^2];
                return new Answer(302, string.Empty, new Dictionary<string, string> { ["Location"] = new Uri(Server.Url, $"/blob/{artifactId}.zip?sig=x").ToString() });
            default:
                return new Answer(status, example ?? string.Empty);
        }
    }

    private static byte[] Zip(Dictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
