using System.Text;
using Autoship.Core;

namespace Autoship.Forge.Local;

/// <summary>
/// Validates a merge-queue candidate with the validation entrypoint <em>of the base commit</em>: its path from the
/// base's configuration and its content from the base's tree, so a pull request that edits the entrypoint cannot
/// vouch for itself. The check is recorded on the candidate commit, as GitHub records checks on merge_group commits.
/// </summary>
internal sealed class LocalCandidateCi(LocalContext context, LocalGit git, LocalCi ci, LocalReviews reviews, LocalDeployments deployments)
{
    public const int TailLines = 8;
    public const int TailChars = 600;

    public sealed record Outcome(bool Passed, string LogTail);

    public async Task<Outcome> ValidateAsync(string candidate, string baseSha, CancellationToken cancellationToken)
    {
        var check = context.Options.CheckName;
        var entrypoint = await ci.EntrypointAsync(baseSha, cancellationToken);
        var script = await git.ShowAsync(baseSha, entrypoint, cancellationToken);
        var own = await git.ShowAsync(candidate, entrypoint, cancellationToken);
        var key = script is not null && script == own ? entrypoint : $"{entrypoint}@{LocalContext.Short(baseSha)}";
        var tree = await git.GitAsync(["rev-parse", candidate + "^{tree}"], cancellationToken);
        var logPath = Path.Combine(context.CiDirectory, $"{LocalContext.Short(candidate)}-queue-{check}.log");
        if (await LocalCiResults.FindAsync(context, tree, key, check, cancellationToken) is { } earlier)
        {
            await File.WriteAllTextAsync(logPath, $"autoship: cached: tree {tree} already passed {key} at {earlier.Sha}{Environment.NewLine}", cancellationToken);
            await RecordAsync(candidate, new CommitStatus(check, CheckState.Success, $"{earlier.Description} (cached)", LocalDeployments.LogUrl(logPath)), logPath, null, cancellationToken);
            return new Outcome(true, string.Empty);
        }

        CommitStatus result = null!;
        await deployments.WithWorktreeAsync(candidate, async worktree =>
        {
            if (script is null)
            {
                result = new CommitStatus(check, CheckState.Failure, $"{entrypoint} is missing on the base: nothing validates this candidate", LocalDeployments.LogUrl(logPath));
                await File.WriteAllTextAsync(logPath, result.Description + Environment.NewLine, cancellationToken);
                return;
            }

            var path = Path.Combine(worktree, entrypoint);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, script, cancellationToken);
            var run = await LocalScriptRunner.RunAsync(worktree, entrypoint, deployments.ScriptEnv(candidate, "ci"), context.Options.CiTimeout, logPath, cancellationToken);
            result = new CommitStatus(check, run.ExitCode == 0 ? CheckState.Success : CheckState.Failure, LocalCi.Describe(entrypoint, run), LocalDeployments.LogUrl(logPath));
        }, cancellationToken);

        var passed = result.State == CheckState.Success;
        await RecordAsync(candidate, result, logPath, passed ? new LocalCiResults.Entry(tree, key, check, candidate, result.Description, logPath) : null, cancellationToken);
        return new Outcome(passed, passed ? string.Empty : result.Description + ": " + await TailAsync(logPath, cancellationToken));
    }

    private async Task RecordAsync(string sha, CommitStatus status, string logPath, LocalCiResults.Entry? remember, CancellationToken cancellationToken)
    {
        await using var c = await context.Db.OpenAsync(cancellationToken);
        await using var tx = c.BeginTransaction(deferred: false);
        await reviews.UpsertStatusAsync(c, sha, status, logPath, cancellationToken);
        if (remember is not null)
        {
            await LocalCiResults.RememberAsync(c, remember, context.Now, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The last lines of a log, bounded, on one line: what a person needs to see why the candidate failed.</summary>
    public static async Task<string> TailAsync(string logPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(logPath))
        {
            return string.Empty;
        }

        var lines = (await File.ReadAllLinesAsync(logPath, Encoding.UTF8, cancellationToken)).Where(l => l.Trim().Length > 0).TakeLast(TailLines);
        var tail = string.Join(" | ", lines.Select(l => l.Trim()));
        return tail.Length <= TailChars ? tail : "…" + tail[^TailChars..];
    }
}
