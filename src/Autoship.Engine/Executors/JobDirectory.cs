namespace Autoship.Engine.Executors;

/// <summary>
/// One job's files under <c>&lt;state&gt;/jobs/&lt;id&gt;/</c>: the spec the worker reads, the worker's pid, its log
/// and the result it writes last (atomically), which is what a later tick collects.
/// </summary>
public sealed record JobDirectory(string Path)
{
    public static JobDirectory For(string jobsRoot, string id) => new(System.IO.Path.Combine(jobsRoot, id));

    public string Spec => System.IO.Path.Combine(Path, "spec.json");

    public string Result => System.IO.Path.Combine(Path, "result.json");

    public string Pid => System.IO.Path.Combine(Path, "worker.pid");

    public string Log => System.IO.Path.Combine(Path, "worker.log");

    /// <summary>The committed change as <c>git diff --binary</c> from the base (what a remote executor uploads).</summary>
    public string Patch => System.IO.Path.Combine(Path, Autoship.Agents.AgentRunner.ChangePatchFile);

    public string Launched => System.IO.Path.Combine(Path, "launched");

    public JobResult? ReadResult() => File.Exists(Result) ? JobJson.Read<JobResult>(File.ReadAllText(Result)) : null;

    public void Delete()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>What a worker hands back: which work order and base it ran, and the author's result (or why it could not run).</summary>
public sealed record JobResult(string WorkOrderId, string BaseSha, Autoship.Agents.AuthorResult? Author, string? Error)
{
    /// <summary>A review job's result (then <see cref="Author"/> is null).</summary>
    public Autoship.Agents.ReviewResult? Review { get; init; }

    /// <summary>The SHA-256 (hex) of the change.patch the worker wrote beside the result, when it committed.</summary>
    public string? PatchSha256 { get; init; }

    /// <summary>Whether the worker ran its agent to an answer (an author result or a review).</summary>
    public bool Answered => Author is not null || Review is not null;
}
