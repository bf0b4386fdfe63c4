using Autoship.Agents;
using Autoship.Core.Config;

namespace Autoship.Engine.Executors;

/// <summary>
/// Runs one job's work order in this process (what <c>autoship work</c> and the in-process worker pool do): reads the
/// spec, re-reads the agent from the configuration it was planned with, runs the author and writes the result file.
/// It never talks to the forge.
/// </summary>
public static class WorkRunner
{
    /// <param name="repository">Run in this repository instead of the spec's (a runner's checkout), or null.</param>
    /// <param name="stateDirectory">Keep runs and worktrees here instead of the spec's, or null.</param>
    public static async Task<JobResult> RunAsync(JobDirectory job, Func<string, IAgentRunner> runnerFor, CancellationToken cancellationToken,
        string? repository = null, string? stateDirectory = null)
    {
        var spec = File.Exists(job.Spec) ? JobJson.Read<JobSpec>(await File.ReadAllTextAsync(job.Spec, cancellationToken)) : null;
        if (spec is null)
        {
            throw new InvalidOperationException($"{job.Spec}: no readable job spec");
        }

        spec = spec with { Repository = repository ?? spec.Repository, StateDirectory = stateDirectory ?? spec.StateDirectory };
        var result = await RunAsync(spec, runnerFor, cancellationToken);
        JobJson.WriteFile(job.Result, result);
        return result;
    }

    public static async Task<JobResult> RunAsync(JobSpec spec, Func<string, IAgentRunner> runnerFor, CancellationToken cancellationToken)
    {
        var order = spec.Order;
        var loaded = ConfigLoader.Load(spec.ConfigText, AutoshipConfig.DefaultPath);
        if (!loaded.IsValid || loaded.Config is null)
        {
            return new JobResult(order.Id, spec.BaseSha, null, "the job's configuration is invalid: " + string.Join("; ", loaded.Errors));
        }

        if (loaded.Config.Agent(order.Owner) is not { } agent)
        {
            return new JobResult(order.Id, spec.BaseSha, null, $"agent {order.Owner} is not in the job's configuration");
        }

        var author = await runnerFor(spec.StateDirectory).RunAuthorAsync(
            new AuthorRequest(order, agent, loaded.Config, spec.Repository, spec.BaseSha, spec.GitAttributes), cancellationToken);
        return new JobResult(order.Id, spec.BaseSha, author, null);
    }
}
