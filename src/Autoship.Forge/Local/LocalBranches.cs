using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

/// <summary>Pushing and deleting branches; a push runs local CI when the options say so.</summary>
internal sealed class LocalBranches(LocalContext context, LocalGit git, LocalCi ci)
{
    public async Task PushAsync(string localRepository, string branch, string? expectedRemoteSha, CancellationToken cancellationToken)
    {
        if (string.Equals(branch, LocalForge.DefaultBranch, StringComparison.Ordinal))
        {
            throw new ForgeException("protected-branch", $"refusing to push {LocalForge.DefaultBranch}: changes reach {LocalForge.DefaultBranch} only by merging a pull request");
        }

        await using (var c = await context.ConnectAsync(cancellationToken))
        {
            await context.RequireWriteAsync(c, "push branches", cancellationToken);
        }

        var lease = $"--force-with-lease={LocalGit.BranchRef(branch)}:{expectedRemoteSha ?? string.Empty}";
        var push = await GitCli.TryRunAsync(
            localRepository, ["push", "--quiet", "--no-verify", lease, git.BareRepository, $"{LocalGit.BranchRef(branch)}:{LocalGit.BranchRef(branch)}"], null, null, cancellationToken);
        if (!push.Ok)
        {
            throw new ForgeException("push-rejected", $"push of {branch} was rejected: {push.Stderr.Trim()}");
        }

        var sha = await git.ResolveAsync(LocalGit.BranchRef(branch), cancellationToken) ?? throw new ForgeException("push-rejected", $"{branch} is missing after the push");
        await using (var c = await context.Db.OpenAsync(cancellationToken))
        await using (var tx = c.BeginTransaction(deferred: false))
        {
            await LocalDb.ExecAsync(c, "INSERT INTO pushes(branch, sha, actor, at) VALUES ($b, $s, $a, $t)", cancellationToken,
                ("$b", branch), ("$s", sha), ("$a", context.ActingAs), ("$t", LocalDb.Time(context.Now)));
            await context.RecordAsync(c, "pushed", "branch:" + branch, new { sha, expected = expectedRemoteSha }, cancellationToken);
            if (context.Options.RunCi)
            {
                await LocalCiRuns.OweAsync(c, sha, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
        }

        LocalCrashPoint.Reach("push-before-ci");
        if (context.Options.RunCi)
        {
            await ci.RunAsync(sha, cancellationToken);
        }
    }

    public async Task DeleteAsync(string branch, CancellationToken cancellationToken)
    {
        if (string.Equals(branch, LocalForge.DefaultBranch, StringComparison.Ordinal))
        {
            throw new ForgeException("protected-branch", $"refusing to delete {LocalForge.DefaultBranch}");
        }

        await using var c = await context.ConnectAsync(cancellationToken);
        await context.RequireWriteAsync(c, "delete branches", cancellationToken);
        if (await git.ResolveAsync(LocalGit.BranchRef(branch), cancellationToken) is not null)
        {
            await git.GitAsync(["update-ref", "-d", LocalGit.BranchRef(branch)], cancellationToken);
            await context.RecordAsync(c, "branch.deleted", "branch:" + branch, new { }, cancellationToken);
        }
    }
}
