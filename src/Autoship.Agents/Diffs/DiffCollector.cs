using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Agents;

/// <summary>
/// Computes what an agent changed, untracked files included, without touching the worktree's own index: every
/// file is staged into a private index file, and the tree written from it is exactly what gets checked and,
/// when allowed, committed.
/// </summary>
public static class DiffCollector
{
    /// <summary>The worktree's content against <paramref name="baseSha"/>, staged through <paramref name="indexFile"/>.</summary>
    public static async Task<WorktreeDiff> CollectWorktreeAsync(string worktree, string baseSha, string indexFile, CancellationToken cancellationToken)
    {
        var env = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = indexFile };
        await HarnessGit.RunAsync(worktree, ["read-tree", baseSha], env, cancellationToken);
        await HarnessGit.RunAsync(worktree, ["add", "-A", "--", "."], env, cancellationToken);
        var tree = await HarnessGit.RunAsync(worktree, ["write-tree"], env, cancellationToken);
        var files = await CollectAsync(worktree, ["--cached", baseSha], env, cancellationToken);
        return files with { Tree = tree };
    }

    /// <summary>The diff between two commits (a pull request's base and head), for reviewers.</summary>
    public static Task<WorktreeDiff> CollectCommitsAsync(string repository, string baseSha, string headSha, CancellationToken cancellationToken) =>
        CollectAsync(repository, [baseSha, headSha], null, cancellationToken);

    private static async Task<WorktreeDiff> CollectAsync(string dir, IReadOnlyList<string> range, IReadOnlyDictionary<string, string>? env, CancellationToken cancellationToken)
    {
        // Renames are read as delete + add so that every path, old and new, passes the guardrails on its own.
        var diff = await GitDiffReader.ReadAsync(dir, range, renames: false, env, HarnessGit.Safety, cancellationToken);
        return new WorktreeDiff(diff.Files, diff.Patch, null) { Gitlinks = diff.Gitlinks };
    }
}
