using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

/// <summary>
/// The harness's side of "validate a tree once" (<see cref="ISharedValidation"/>): the entrypoint runs exactly as
/// <see cref="LocalCi"/> runs it (<see cref="LocalScriptRunner"/>, CI's environment, CI's time limit), in a checkout
/// this class first verifies to be clean and at the named commit, and a pass goes into the same
/// <see cref="LocalCiResults"/> table CI reads, keyed by tree, entrypoint and check. A push of a commit with that
/// tree then records the check from it instead of running the script again.
/// </summary>
internal sealed class LocalSharedValidation(LocalContext context, LocalDeployments deployments)
{
    public async Task<SharedValidationRun?> FindPassAsync(string tree, string entrypoint, CancellationToken cancellationToken)
    {
        if (await LocalCiResults.FindAsync(context, tree, entrypoint, context.Options.CheckName, cancellationToken) is not { } earlier
            || !File.Exists(earlier.LogPath))
        {
            // Without its log the earlier output (the test count) is unknown: run it again.
            return null;
        }

        return new SharedValidationRun(true, 0, earlier.Description, await File.ReadAllTextAsync(earlier.LogPath, cancellationToken), Cached: true);
    }

    public async Task<SharedValidationRun> ValidateCheckoutAsync(string checkout, string sha, string entrypoint, CancellationToken cancellationToken)
    {
        var tree = await CleanTreeAsync(checkout, sha, cancellationToken);
        var options = context.Options;
        var logPath = Path.Combine(context.CiDirectory, $"{LocalContext.Short(sha)}-harness-{options.CheckName}.log");
        if (!File.Exists(Path.Combine(checkout, entrypoint)))
        {
            var missing = $"{entrypoint} is missing: nothing validates this commit";
            await File.WriteAllTextAsync(logPath, missing + Environment.NewLine, cancellationToken);
            return new SharedValidationRun(false, -1, missing, missing, Cached: false);
        }

        var run = await LocalScriptRunner.RunAsync(checkout, entrypoint, deployments.ScriptEnv(sha, "ci"), options.CiTimeout, logPath, cancellationToken);
        var description = LocalCi.Describe(entrypoint, run);
        if (run.ExitCode == 0)
        {
            await using var c = await context.Db.OpenAsync(cancellationToken);
            await LocalCiResults.RememberAsync(c, new LocalCiResults.Entry(tree, entrypoint, options.CheckName, sha, description, logPath), context.Now, cancellationToken);
        }

        return new SharedValidationRun(run.ExitCode == 0, run.ExitCode, description, await File.ReadAllTextAsync(logPath, cancellationToken), Cached: false);
    }

    /// <summary>The tree of <paramref name="sha"/> when <paramref name="checkout"/> is a clean checkout of it; throws otherwise.</summary>
    private static async Task<string> CleanTreeAsync(string checkout, string sha, CancellationToken cancellationToken)
    {
        var status = await GitCli.RunAsync(checkout, ["status", "--porcelain=v2", "--branch", "--ignored", "--untracked-files=all"], null, null, cancellationToken);
        var lines = status.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var head = lines.FirstOrDefault(l => l.StartsWith("# branch.oid ", StringComparison.Ordinal))?["# branch.oid ".Length..].Trim();
        if (head != sha || lines.Any(l => !l.StartsWith('#')))
        {
            throw new ForgeException("validation.unclean", $"{checkout} is not a clean checkout of {LocalContext.Short(sha)}: validate a fresh worktree of the commit so CI can reuse the result");
        }

        return await GitCli.RunAsync(checkout, ["rev-parse", "--verify", sha + "^{tree}"], null, null, cancellationToken);
    }
}
