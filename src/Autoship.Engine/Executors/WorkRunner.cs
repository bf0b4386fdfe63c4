using Autoship.Agents;
using Autoship.Core.Config;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Engine.Executors;

/// <summary>
/// Runs one job's work order in this process (what <c>autoship work</c> and the in-process worker pool do): reads the
/// spec, re-reads the agent from the configuration it was planned with, runs the author and writes the result file.
/// It never writes to the forge: no push, comment, label or PR. The one exception is a local forge's CI results
/// (<see cref="JobSpec.SharedValidation"/>), where it records a validation pass of a clean checkout, as the inline
/// harness does; a forge on the network is never opened here.
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
        if (result.Author is { Outcome: AttemptOutcome.Committed, CommitSha: { } commit })
        {
            // The change as a patch beside the result, with its digest in the result: what a remote executor uploads
            // and the orchestrator checks before it makes its own commit.
            var patch = await GitCli.RunAsync(spec.Repository, ["-c", "core.quotePath=false", "diff", "--binary", "--no-color", "--no-ext-diff", spec.BaseSha, commit], null, null, cancellationToken);
            await File.WriteAllTextAsync(job.Patch, patch, cancellationToken);
            result = result with { PatchSha256 = PatchDigest.Of(await File.ReadAllBytesAsync(job.Patch, cancellationToken)) };
        }

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

        if (spec.Review is { } review)
        {
            if (loaded.Config.Agent(order.Reviewer) is not { } reviewer)
            {
                return new JobResult(order.Id, spec.BaseSha, null, $"reviewer {order.Reviewer} is not in the job's configuration");
            }

            var verdict = await runnerFor(spec.StateDirectory).RunReviewerAsync(
                new ReviewRequest(order, reviewer, agent, review.PullRequest, spec.BaseSha, loaded.Config, spec.Repository), cancellationToken);
            return new JobResult(order.Id, spec.BaseSha, null, null) { Review = verdict };
        }

        var request = (spec.AuthorContext ?? AuthorContext.Fresh).Request(order, agent, loaded.Config, spec.Repository, spec.BaseSha);
        await using var sharedCi = spec.SharedValidation is { } shared && LocalForge.Exists(shared.ForgeDirectory)
            ? await LocalForge.OpenAsync(shared.ForgeDirectory, LocalForge.HarnessLogin, TimeProvider.System, shared.Options, cancellationToken)
            : null;
        var author = await runnerFor(spec.StateDirectory).RunAuthorAsync(request with { SharedValidation = sharedCi }, cancellationToken);
        return new JobResult(order.Id, spec.BaseSha, author, null);
    }
}
