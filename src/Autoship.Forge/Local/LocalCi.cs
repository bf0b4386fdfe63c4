using System.Globalization;
using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Forge.Local;

/// <summary>
/// Local CI: validates a pushed commit in a fresh detached worktree and records the check; a green commit of a
/// repository with <c>scripts/deploy-staging.sh</c> is then deployed to <c>staging</c>. A tree that already passed
/// with the same entrypoint is not validated again (the tree hash covers the entrypoint's content and everything it
/// reads): the check is recorded from the earlier result, and its log says so.
/// </summary>
internal sealed class LocalCi(LocalContext context, LocalGit git, LocalReviews reviews, LocalDeployments deployments)
{
    public async Task RunAsync(string sha, CancellationToken cancellationToken)
    {
        await ValidateAsync(sha, cancellationToken);
        await LocalCiRuns.PaidAsync(context, sha, cancellationToken);
    }

    /// <summary>Runs the CI that a killed process owed (see <see cref="LocalCiRuns"/>); nothing when CI is off.</summary>
    public async Task ResumeAbandonedAsync(CancellationToken cancellationToken)
    {
        if (!context.Options.RunCi)
        {
            return;
        }

        IReadOnlyList<string> owed;
        await using (var c = await context.Db.OpenAsync(cancellationToken))
        {
            owed = await LocalCiRuns.AbandonedAsync(c, cancellationToken);
        }

        foreach (var sha in owed)
        {
            await RunAsync(sha, cancellationToken);
        }
    }

    private async Task ValidateAsync(string sha, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var entrypoint = await EntrypointAsync(sha, cancellationToken);
        var tree = await git.GitAsync(["rev-parse", sha + "^{tree}"], cancellationToken);
        var logPath = Path.Combine(context.CiDirectory, $"{LocalContext.Short(sha)}-{options.CheckName}.log");
        if (await LocalCiResults.FindAsync(context, tree, entrypoint, options.CheckName, cancellationToken) is { } earlier)
        {
            await ReuseAsync(sha, tree, entrypoint, earlier, logPath, cancellationToken);
            return;
        }

        await using (var c = await context.Db.OpenAsync(cancellationToken))
        {
            await reviews.UpsertStatusAsync(c, sha, new CommitStatus(options.CheckName, CheckState.Pending, $"running {entrypoint}", null), logPath, cancellationToken);
        }

        await deployments.WithWorktreeAsync(sha, async worktree =>
        {
            CommitStatus result;
            if (!File.Exists(Path.Combine(worktree, entrypoint)))
            {
                result = new CommitStatus(options.CheckName, CheckState.Failure, $"{entrypoint} is missing: nothing validates this commit", LocalDeployments.LogUrl(logPath));
                await File.WriteAllTextAsync(logPath, result.Description + Environment.NewLine, cancellationToken);
            }
            else
            {
                var run = await LocalScriptRunner.RunAsync(worktree, entrypoint, deployments.ScriptEnv(sha, "ci"), options.CiTimeout, logPath, cancellationToken);
                var state = run.ExitCode == 0 ? CheckState.Success : CheckState.Failure;
                result = new CommitStatus(options.CheckName, state, Describe(entrypoint, run), LocalDeployments.LogUrl(logPath));
            }

            await using (var c = await context.Db.OpenAsync(cancellationToken))
            await using (var tx = c.BeginTransaction(deferred: false))
            {
                await reviews.UpsertStatusAsync(c, sha, result, logPath, cancellationToken);
                if (result.State == CheckState.Success)
                {
                    // Only a pass is reused: a failure may be a flaky test that the next push should run again.
                    await LocalCiResults.RememberAsync(c, new LocalCiResults.Entry(tree, entrypoint, options.CheckName, sha, result.Description, logPath), context.Now, cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
            }

            if (result.State == CheckState.Success && File.Exists(Path.Combine(worktree, LocalDeployments.Script("staging"))))
            {
                await deployments.DeployFromTreeAsync(worktree, sha, "staging", cancellationToken);
            }
        }, cancellationToken);
    }

    private async Task ReuseAsync(string sha, string tree, string entrypoint, LocalCiResults.Entry earlier, string logPath, CancellationToken cancellationToken)
    {
        var note = $"autoship: cached: tree {tree} was already validated by {entrypoint} at {earlier.Sha} ({earlier.Description}); not run again. Earlier log: {earlier.LogPath}";
        await File.WriteAllTextAsync(logPath, note + Environment.NewLine, cancellationToken);
        var description = $"{earlier.Description} (cached: same tree as {LocalContext.Short(earlier.Sha)})";
        await using (var c = await context.Db.OpenAsync(cancellationToken))
        {
            await reviews.UpsertStatusAsync(c, sha, new CommitStatus(context.Options.CheckName, CheckState.Success, description, LocalDeployments.LogUrl(logPath)), logPath, cancellationToken);
        }

        if (await git.ShowAsync(sha, LocalDeployments.Script("staging"), cancellationToken) is not null)
        {
            await deployments.WithWorktreeAsync(sha, worktree => deployments.DeployFromTreeAsync(worktree, sha, "staging", cancellationToken), cancellationToken);
        }
    }

    /// <summary>The repository's own configured entrypoint at that commit, else the forge's default.</summary>
    public async Task<string> EntrypointAsync(string sha, CancellationToken cancellationToken)
    {
        var text = await git.ShowAsync(sha, AutoshipConfig.DefaultPath, cancellationToken);
        if (text is null)
        {
            return context.Options.ValidationEntrypoint;
        }

        try
        {
            var entrypoint = ConfigLoader.Load(text, AutoshipConfig.DefaultPath).Config?.Validation.Entrypoint;
            return string.IsNullOrWhiteSpace(entrypoint) ? context.Options.ValidationEntrypoint : entrypoint.Trim();
        }
        catch (Exception)
        {
            // An unreadable configuration is reported by the engine; CI still validates with the default.
            return context.Options.ValidationEntrypoint;
        }
    }

    public static string Describe(string entrypoint, LocalScriptRunner.Outcome run)
    {
        var seconds = run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return run switch
        {
            { TimedOut: true } => $"{entrypoint} timed out after {seconds}s",
            { ExitCode: 0 } => $"{entrypoint} passed in {seconds}s",
            _ => $"{entrypoint} failed (exit {run.ExitCode}) in {seconds}s",
        };
    }
}
