using System.Globalization;
using Autoship.Core;
using Autoship.Core.Config;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    /// <summary>
    /// Local CI: validates the pushed commit in a fresh detached worktree and records the <c>ci</c> check; a green
    /// commit of a repository with <c>scripts/deploy-staging.sh</c> is then deployed to <c>staging</c>.
    /// </summary>
    private async Task RunCiAsync(string sha, CancellationToken cancellationToken)
    {
        var entrypoint = await EntrypointAsync(sha, cancellationToken);
        var logPath = Path.Combine(CiDirectory, $"{Short(sha)}-{options.CheckName}.log");
        await using (var c = await db.OpenAsync(cancellationToken))
        {
            await UpsertStatusAsync(c, sha, new CommitStatus(options.CheckName, CheckState.Pending, $"running {entrypoint}", null), logPath, cancellationToken);
        }

        await WithWorktreeAsync(sha, async tree =>
        {
            CommitStatus result;
            if (!File.Exists(Path.Combine(tree, entrypoint)))
            {
                result = new CommitStatus(options.CheckName, CheckState.Failure, $"{entrypoint} is missing: nothing validates this commit", LogUrl(logPath));
                await File.WriteAllTextAsync(logPath, result.Description + Environment.NewLine, cancellationToken);
            }
            else
            {
                var run = await LocalScriptRunner.RunAsync(tree, entrypoint, ScriptEnv(sha, "ci"), options.CiTimeout, logPath, cancellationToken);
                var state = run.ExitCode == 0 ? CheckState.Success : CheckState.Failure;
                result = new CommitStatus(options.CheckName, state, Describe(entrypoint, run), LogUrl(logPath));
            }

            await using (var c = await db.OpenAsync(cancellationToken))
            {
                await UpsertStatusAsync(c, sha, result, logPath, cancellationToken);
            }

            if (result.State == CheckState.Success && File.Exists(Path.Combine(tree, DeployScript("staging"))))
            {
                await DeployFromTreeAsync(tree, sha, "staging", cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Deploys a ref to an environment with <c>scripts/deploy-ENV.sh</c> and records the deployment.</summary>
    public async Task<DeploymentSnapshot> DeployAsync(string gitRef, string environment, CancellationToken cancellationToken)
    {
        await using (var c = await ConnectAsync(cancellationToken))
        {
            await RequireWriteAsync(c, "deploy", cancellationToken);
        }

        var sha = await ResolveAsync(gitRef, cancellationToken) ?? throw new ForgeException("no-ref", $"'{gitRef}' names no commit in the local forge");
        DeploymentSnapshot? deployment = null;
        await WithWorktreeAsync(sha, async tree =>
        {
            if (!File.Exists(Path.Combine(tree, DeployScript(environment))))
            {
                throw new ForgeException("no-deploy-script", $"{DeployScript(environment)} does not exist at {Short(sha)}: nothing knows how to deploy to {environment}");
            }

            deployment = await DeployFromTreeAsync(tree, sha, environment, cancellationToken);
        }, cancellationToken);
        return deployment!;
    }

    private async Task<DeploymentSnapshot> DeployFromTreeAsync(string tree, string sha, string environment, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(CiDirectory, $"{Short(sha)}-deploy-{environment}.log");
        long id;
        await using (var c = await db.OpenAsync(cancellationToken))
        {
            id = await InsertDeploymentAsync(c, sha, environment, cancellationToken);
        }

        var run = await LocalScriptRunner.RunAsync(tree, DeployScript(environment), ScriptEnv(sha, environment), options.CiTimeout, logPath, cancellationToken);
        var state = run.ExitCode == 0 ? DeploymentState.Success : DeploymentState.Failure;
        var at = Now;
        await using (var c = await db.OpenAsync(cancellationToken))
        {
            await LocalDb.ExecAsync(c, "UPDATE deployments SET state = $s, at = $t, url = $u WHERE id = $i", cancellationToken,
                ("$s", state.ToString()), ("$t", LocalDb.Time(at)), ("$u", LogUrl(logPath)), ("$i", id));
            await RecordAsync(c, "deployment", "sha:" + sha, new { environment, state = state.ToString(), exitCode = run.ExitCode }, cancellationToken);
        }

        return new DeploymentSnapshot(environment, sha, state, at, LogUrl(logPath));
    }

    private async Task<long> InsertDeploymentAsync(SqliteConnection c, string sha, string environment, CancellationToken cancellationToken)
    {
        await LocalDb.ExecAsync(c, "INSERT INTO deployments(sha, environment, state, at) VALUES ($s, $e, $st, $t)", cancellationToken,
            ("$s", sha), ("$e", environment), ("$st", DeploymentState.InProgress.ToString()), ("$t", LocalDb.Time(Now)));
        return (long)(await LocalDb.ScalarAsync(c, "SELECT last_insert_rowid()", cancellationToken))!;
    }

    private async Task WithWorktreeAsync(string sha, Func<string, Task> action, CancellationToken cancellationToken)
    {
        var tree = Path.Combine(Path.GetTempPath(), "autoship-ci-" + Guid.NewGuid().ToString("N")[..12]);
        await GitAsync(["worktree", "add", "--quiet", "--detach", tree, sha], cancellationToken);
        try
        {
            await action(tree);
        }
        finally
        {
            await TryGitAsync(["worktree", "remove", "--force", tree], CancellationToken.None);
            if (System.IO.Directory.Exists(tree))
            {
                System.IO.Directory.Delete(tree, recursive: true);
            }

            await TryGitAsync(["worktree", "prune"], CancellationToken.None);
        }
    }

    /// <summary>The repository's own configured entrypoint at that commit, else the forge's default.</summary>
    private async Task<string> EntrypointAsync(string sha, CancellationToken cancellationToken)
    {
        var text = await ShowAsync(sha, AutoshipConfig.DefaultPath, cancellationToken);
        if (text is null)
        {
            return options.ValidationEntrypoint;
        }

        try
        {
            var entrypoint = ConfigLoader.Load(text, AutoshipConfig.DefaultPath).Config?.Validation.Entrypoint;
            return string.IsNullOrWhiteSpace(entrypoint) ? options.ValidationEntrypoint : entrypoint.Trim();
        }
        catch (Exception)
        {
            // An unreadable configuration is reported by the engine; CI still validates with the default.
            return options.ValidationEntrypoint;
        }
    }

    private Dictionary<string, string> ScriptEnv(string sha, string environment) => new()
    {
        ["AUTOSHIP_FORGE_DIR"] = Directory,
        ["AUTOSHIP_DEPLOY_SHA"] = sha,
        ["AUTOSHIP_DEPLOY_ENV"] = environment,
    };

    private static string DeployScript(string environment) => $"scripts/deploy-{environment}.sh";

    private static string LogUrl(string logPath) => new Uri(logPath).AbsoluteUri;

    private static string Describe(string entrypoint, LocalScriptRunner.Outcome run)
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
