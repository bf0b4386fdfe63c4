namespace Autoship.Engine.Executors;

/// <summary>
/// Where a work order runs. Dispatch returns at once with a ticket; a later tick polls it and collects the result.
/// An executor never writes to the forge: the harness (the reconciler) verifies the result and does every write.
/// </summary>
public interface IWorkExecutor
{
    /// <summary>The <c>executor.kind</c> this executor implements.</summary>
    string Kind { get; }

    /// <summary>Starts the job and returns without waiting for the agent.</summary>
    Task<JobTicket> DispatchAsync(JobSpec spec, CancellationToken cancellationToken);

    /// <summary>Where the job stands; <see cref="JobState.Completed"/> carries the result.</summary>
    Task<JobStatus> PollAsync(JobTicket ticket, CancellationToken cancellationToken);

    /// <summary>Stops the job (best effort) and forgets it: its deadline passed or its item was stopped.</summary>
    Task CancelAsync(JobTicket ticket, CancellationToken cancellationToken);
}

public enum JobState
{
    Running,
    Completed,

    /// <summary>The executor knows nothing of the job or it ended without a result: it died.</summary>
    Lost,
}

/// <param name="Output">What the worker handed back when <see cref="JobState.Completed"/> (verified by the reconciler before use).</param>
/// <param name="Detail">Why the job is lost, for the reasons shown to people.</param>
public sealed record JobStatus(JobState State, JobResult? Output = null, string? Detail = null)
{
    public static JobStatus Running { get; } = new(JobState.Running);

    public static JobStatus Lost(string detail) => new(JobState.Lost, null, detail);
}
