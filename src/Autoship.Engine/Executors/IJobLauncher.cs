namespace Autoship.Engine.Executors;

/// <summary>How the local executor starts a worker: a task in this process, or a detached process that outlives the tick.</summary>
public interface IJobLauncher
{
    /// <summary>Starts the worker on the job directory (its spec is written); returns a handle (a pid), if any.</summary>
    string? Start(JobDirectory job);

    /// <summary>True while the worker may still write its result.</summary>
    bool IsAlive(JobDirectory job, DateTimeOffset now);

    /// <summary>Stops the worker (best effort).</summary>
    void Stop(JobDirectory job);
}
