using Autoship.Forge;
using Autoship.Forge.Git;

namespace Autoship.Engine.Git;

/// <summary>
/// The harness's own bare clone of the forge repository, from which agent worktrees are made and branches pushed.
/// Credentials reach git through the environment of each fetch only.
/// </summary>
public sealed class RepositoryCache(string path)
{
    public string Path { get; } = path;

    /// <summary>Fetches the default branch and returns its SHA.</summary>
    /// <summary>git's <c>gc --auto</c> for the cache when its threshold is passed (<see cref="Forge.Git.GitHousekeeping"/>); no process otherwise.</summary>
    public Task<bool> HousekeepAsync(CancellationToken cancellationToken) =>
        Forge.Git.GitHousekeeping.RunIfDueAsync(Path, System.IO.Path.Combine(Path, "objects"), cancellationToken);

    public async Task<string> SyncAsync(GitRemote remote, string branch, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        await GitCli.RunAsync(Path, ["fetch", "--quiet", "--no-tags", remote.Url, $"+refs/heads/{branch}:refs/heads/{branch}"], remote.Environment, null, cancellationToken);
        return await GitCli.RunAsync(Path, ["rev-parse", $"refs/heads/{branch}"], null, null, cancellationToken);
    }

    /// <summary>Fetches a PR branch into <c>refs/forge/…</c> and returns its SHA.</summary>
    public async Task<string> FetchBranchAsync(GitRemote remote, string branch, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        await GitCli.RunAsync(Path, ["fetch", "--quiet", "--no-tags", remote.Url, $"+refs/heads/{branch}:refs/forge/{branch}"], remote.Environment, null, cancellationToken);
        return await GitCli.RunAsync(Path, ["rev-parse", $"refs/forge/{branch}"], null, null, cancellationToken);
    }

    /// <summary>
    /// Where <paramref name="head"/> forked from <paramref name="baseSha"/>: a PR's own changes are the diff from there
    /// (like the forge's "files changed"), not from the base's tip, which may hold commits merged since.
    /// </summary>
    public async Task<string> MergeBaseAsync(string baseSha, string head, CancellationToken cancellationToken)
    {
        var result = await GitCli.TryRunAsync(Path, ["merge-base", baseSha, head], null, null, cancellationToken);
        return result.Ok && result.Stdout.Trim().Length > 0 ? result.Stdout.Trim() : baseSha;
    }

    /// <summary>
    /// <c>git patch-id --stable</c> of the change from <paramref name="forkPoint"/> to <paramref name="head"/>: the same
    /// for the same change whatever its line numbers and commits, so a PR updated with its base keeps it. Null for an empty diff.
    /// </summary>
    public async Task<string?> PatchIdAsync(string forkPoint, string head, CancellationToken cancellationToken)
    {
        var diff = await GitCli.TryRunAsync(Path, ["diff", "--no-color", "--no-ext-diff", "--full-index", "--binary", forkPoint, head], null, null, cancellationToken);
        if (!diff.Ok || diff.Stdout.Length == 0)
        {
            return null;
        }

        var id = await GitCli.TryRunAsync(Path, ["patch-id", "--stable"], null, diff.Stdout, cancellationToken);
        var first = id.Ok ? id.Stdout.Split(' ', 2)[0].Trim() : string.Empty;
        return first.Length >= 40 ? first : null;
    }

    /// <summary>The SHA of a branch on the forge, or null when it does not exist.</summary>
    public static async Task<string?> RemoteShaAsync(GitRemote remote, string branch, string workingDirectory, CancellationToken cancellationToken)
    {
        var output = await GitCli.RunAsync(workingDirectory, ["ls-remote", remote.Url, $"refs/heads/{branch}"], remote.Environment, null, cancellationToken);
        var sha = output.Split('\t', 2)[0].Trim();
        return sha.Length == 0 ? null : sha;
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(System.IO.Path.Combine(Path, "objects")))
        {
            return;
        }

        Directory.CreateDirectory(Path);
        await GitCli.RunAsync(Path, ["init", "--quiet", "--bare"], null, null, cancellationToken);
    }
}
