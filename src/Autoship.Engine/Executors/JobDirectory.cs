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
public sealed record JobResult(string WorkOrderId, string BaseSha, Autoship.Agents.AuthorResult? Author, string? Error);
