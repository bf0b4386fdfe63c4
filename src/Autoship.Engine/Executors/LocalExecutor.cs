using Autoship.Core.Config;

namespace Autoship.Engine.Executors;

/// <summary>
/// The <c>local</c> executor: one job directory per work order under <c>&lt;state&gt;/jobs</c>, a worker started by the
/// launcher (a task of <c>run</c>/<c>serve</c>, or a detached process for <c>tick</c>). A job is done when its result file
/// is there; lost when its worker is gone without one.
/// </summary>
public sealed class LocalExecutor(string jobsRoot, IJobLauncher launcher, TimeProvider clock) : IWorkExecutor
{
    public string Kind => ExecutorSettings.Local;

    public Task<JobTicket> DispatchAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        var job = JobDirectory.For(jobsRoot, spec.Id);
        var ticket = spec.Ticket(Kind, clock.GetUtcNow());
        // The same work order dispatched again (a tick that died before recording it) adopts the job under way.
        if (Directory.Exists(job.Path) && (job.ReadResult() is not null || launcher.IsAlive(job, clock.GetUtcNow())))
        {
            return Task.FromResult(ticket);
        }

        job.Delete();
        Directory.CreateDirectory(job.Path);
        JobJson.WriteFile(job.Spec, spec);
        return Task.FromResult(ticket with { Handle = launcher.Start(job) });
    }

    public Task<JobStatus> PollAsync(JobTicket ticket, CancellationToken cancellationToken)
    {
        var job = JobDirectory.For(jobsRoot, ticket.Id);
        if (Collect(job) is { } done)
        {
            return Task.FromResult(done);
        }

        if (launcher.IsAlive(job, clock.GetUtcNow()))
        {
            return Task.FromResult(JobStatus.Running);
        }

        // The worker may have written its result between the two looks.
        return Task.FromResult(Collect(job) ?? JobStatus.Lost(Directory.Exists(job.Path)
            ? $"the worker of job {ticket.Id} exited without a result (see {job.Log})"
            : $"job {ticket.Id} is unknown to this machine's local executor"));
    }

    public Task CancelAsync(JobTicket ticket, CancellationToken cancellationToken)
    {
        var job = JobDirectory.For(jobsRoot, ticket.Id);
        launcher.Stop(job);
        job.Delete();
        return Task.CompletedTask;
    }

    /// <summary>
    /// True while a job that <paramref name="ledger"/> lists runs on this machine or has left its result here for a
    /// tick to collect. Leftover directories of jobs the ledger no longer lists (collected, or released by another
    /// replica) do not count.
    /// </summary>
    public async Task<bool> HasJobsHereAsync(JobLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        foreach (var ticket in await ledger.ListAsync(cancellationToken))
        {
            var job = JobDirectory.For(jobsRoot, ticket.Id);
            if (ticket.Kind == Kind && (launcher.IsAlive(job, clock.GetUtcNow()) || File.Exists(job.Result)))
            {
                return true;
            }
        }

        return false;
    }

    private static JobStatus? Collect(JobDirectory job) =>
        job.ReadResult() is { } result
            ? result.Answered ? new JobStatus(JobState.Completed, result) : JobStatus.Lost(result.Error ?? "the worker wrote no result")
            : null;
}
