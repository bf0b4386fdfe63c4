using System.Collections.Concurrent;
using Autoship.Agents;

namespace Autoship.Engine.Executors;

/// <summary>
/// The worker pool of <c>autoship run</c> and <c>serve</c>: each job is a task of this process (the planner keeps their
/// number within loop.maxConcurrent and each agent's maxConcurrent). A restart loses the tasks; their jobs are then
/// found lost by the next tick and released like a stale claim.
/// </summary>
public sealed class InProcessLauncher(Func<string, IAgentRunner> runnerFor, Action? onCompleted = null) : IJobLauncher, IDisposable
{
    private readonly ConcurrentDictionary<string, (Task Task, CancellationTokenSource Stop)> jobs = new(StringComparer.Ordinal);

    public string? Start(JobDirectory job)
    {
        var stop = new CancellationTokenSource();
        var task = Task.Run(async () =>
        {
            try
            {
                await WorkRunner.RunAsync(job, runnerFor, stop.Token);
            }
            finally
            {
                onCompleted?.Invoke();
            }
        });
        jobs[job.Path] = (task, stop);
        return null;
    }

    public bool IsAlive(JobDirectory job, DateTimeOffset now) => jobs.TryGetValue(job.Path, out var j) && !j.Task.IsCompleted;

    public void Stop(JobDirectory job)
    {
        if (jobs.TryRemove(job.Path, out var j))
        {
            j.Stop.Cancel();
        }
    }

    /// <summary>Waits for every job started here (tests, shutdown).</summary>
    public Task WhenAllAsync() => Task.WhenAll(jobs.Values.Select(j => j.Task));

    public void Dispose()
    {
        foreach (var j in jobs.Values)
        {
            j.Stop.Cancel();
            j.Stop.Dispose();
        }
    }
}
