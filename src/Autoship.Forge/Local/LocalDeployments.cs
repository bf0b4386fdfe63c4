using Autoship.Core;

namespace Autoship.Forge.Local;

/// <summary>Deployments with <c>scripts/deploy-ENV.sh</c>, run in a throwaway worktree of the commit.</summary>
internal sealed class LocalDeployments(LocalContext context, LocalGit git)
{
    public static string Script(string environment) => $"scripts/deploy-{environment}.sh";

    public static string LogUrl(string logPath) => new Uri(logPath).AbsoluteUri;

    /// <summary>Deploys a ref to an environment and records the deployment.</summary>
    public async Task<DeploymentSnapshot> DeployAsync(string gitRef, string environment, CancellationToken cancellationToken)
    {
        await using (var c = await context.ConnectAsync(cancellationToken))
        {
            await context.RequireWriteAsync(c, "deploy", cancellationToken);
        }

        var sha = await git.ResolveAsync(gitRef, cancellationToken) ?? throw new ForgeException("no-ref", $"'{gitRef}' names no commit in the local forge");
        DeploymentSnapshot? deployment = null;
        await WithWorktreeAsync(sha, async tree =>
        {
            if (!File.Exists(Path.Combine(tree, Script(environment))))
            {
                throw new ForgeException("no-deploy-script", $"{Script(environment)} does not exist at {LocalContext.Short(sha)}: nothing knows how to deploy to {environment}");
            }

            deployment = await DeployFromTreeAsync(tree, sha, environment, cancellationToken);
        }, cancellationToken);
        return deployment!;
    }

    public async Task<DeploymentSnapshot> DeployFromTreeAsync(string tree, string sha, string environment, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(context.CiDirectory, $"{LocalContext.Short(sha)}-deploy-{environment}.log");
        long id;
        await using (var c = await context.Db.OpenAsync(cancellationToken))
        {
            await LocalDb.ExecAsync(c, "INSERT INTO deployments(sha, environment, state, at) VALUES ($s, $e, $st, $t)", cancellationToken,
                ("$s", sha), ("$e", environment), ("$st", DeploymentState.InProgress.ToString()), ("$t", LocalDb.Time(context.Now)));
            id = (long)(await LocalDb.ScalarAsync(c, "SELECT last_insert_rowid()", cancellationToken))!;
        }

        var run = await LocalScriptRunner.RunAsync(tree, Script(environment), ScriptEnv(sha, environment), context.Options.CiTimeout, logPath, cancellationToken);
        var state = run.ExitCode == 0 ? DeploymentState.Success : DeploymentState.Failure;
        var at = context.Now;
        await using (var c = await context.Db.OpenAsync(cancellationToken))
        await using (var tx = c.BeginTransaction(deferred: false))
        {
            await LocalDb.ExecAsync(c, "UPDATE deployments SET state = $s, at = $t, url = $u WHERE id = $i", cancellationToken,
                ("$s", state.ToString()), ("$t", LocalDb.Time(at)), ("$u", LogUrl(logPath)), ("$i", id));
            await context.RecordAsync(c, "deployment", "sha:" + sha, new { environment, state = state.ToString(), exitCode = run.ExitCode }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return new DeploymentSnapshot(environment, sha, state, at, LogUrl(logPath));
    }

    public async Task WithWorktreeAsync(string sha, Func<string, Task> action, CancellationToken cancellationToken)
    {
        var tree = Path.Combine(Path.GetTempPath(), "autoship-ci-" + Guid.NewGuid().ToString("N")[..12]);
        await git.GitAsync(["worktree", "add", "--quiet", "--detach", tree, sha], cancellationToken);
        try
        {
            await action(tree);
        }
        finally
        {
            var removed = await git.TryGitAsync(["worktree", "remove", "--force", tree], CancellationToken.None);
            if (Directory.Exists(tree))
            {
                Directory.Delete(tree, recursive: true);
            }

            // A successful remove deleted the worktree's metadata too; only a failed one leaves something to prune.
            if (!removed.Ok)
            {
                await git.TryGitAsync(["worktree", "prune"], CancellationToken.None);
            }
        }
    }

    public Dictionary<string, string> ScriptEnv(string sha, string environment) => new()
    {
        ["AUTOSHIP_FORGE_DIR"] = context.Directory,
        ["AUTOSHIP_DEPLOY_SHA"] = sha,
        ["AUTOSHIP_DEPLOY_ENV"] = environment,
    };
}
