namespace Autoship.Agents;

/// <summary>
/// Creates one fresh <c>git worktree</c> per run under <see cref="Root"/> and removes it afterwards. A crash can
/// leave worktrees behind; <see cref="CleanupLeftoversAsync"/> (called by the next tick before it dispatches
/// anything) removes every worktree under the root, so it must not run while attempts are in flight.
/// </summary>
public sealed class WorktreeManager(string repository, string root)
{
    public string Repository { get; } = repository;

    public string Root { get; } = root;

    /// <summary>A new worktree at <paramref name="baseSha"/>; on <paramref name="branch"/> (reset to the base with -B) or detached when null.</summary>
    public async Task<Worktree> CreateAsync(string name, string? branch, string baseSha, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, name);
        List<string> args = branch is null
            ? ["worktree", "add", "--detach", path, baseSha]
            : ["worktree", "add", "-B", branch, path, baseSha];
        await HarnessGit.RunAsync(Repository, args, cancellationToken: cancellationToken);
        return new Worktree(path, branch, baseSha);
    }

    /// <summary>Removes the worktree and its directory; never throws (cleanup runs in <c>finally</c>).</summary>
    public async Task RemoveAsync(Worktree worktree)
    {
        var removed = false;
        try
        {
            removed = (await HarnessGit.TryRunAsync(Repository, ["worktree", "remove", "--force", "--force", worktree.Path])).Ok;
        }
        catch (Exception)
        {
            // Fall through to the directory delete and prune below.
        }

        DeleteDirectory(worktree.Path);
        if (!removed)
        {
            // A successful remove deleted the worktree's metadata too; only a failed one leaves something to prune.
            await PruneAsync();
        }
    }

    /// <summary>Removes every worktree left under <see cref="Root"/> by an earlier crash; returns how many.</summary>
    public async Task<int> CleanupLeftoversAsync(CancellationToken cancellationToken)
    {
        if (NothingLeft())
        {
            // The common case of a tick: no directory under the root and no worktree git knows of, so no git process.
            return 0;
        }

        var removed = new HashSet<string>(StringComparer.Ordinal);
        var list = await HarnessGit.TryRunAsync(Repository, ["worktree", "list", "--porcelain"], cancellationToken: cancellationToken);
        var rootFull = Path.GetFullPath(Root) + Path.DirectorySeparatorChar;
        foreach (var line in list.Stdout.Split('\n'))
        {
            if (line.StartsWith("worktree ", StringComparison.Ordinal))
            {
                var path = line["worktree ".Length..].Trim();
                if (Path.GetFullPath(path).StartsWith(rootFull, StringComparison.Ordinal))
                {
                    await HarnessGit.TryRunAsync(Repository, ["worktree", "remove", "--force", "--force", path], cancellationToken: cancellationToken);
                    DeleteDirectory(path);
                    removed.Add(Path.GetFullPath(path));
                }
            }
        }

        if (Directory.Exists(Root))
        {
            foreach (var dir in Directory.GetDirectories(Root))
            {
                DeleteDirectory(dir);
                removed.Add(Path.GetFullPath(dir));
            }
        }

        await PruneAsync();
        return removed.Count;
    }

    /// <summary>
    /// True when the root holds nothing and the repository records no linked worktree at all (its
    /// <c>worktrees/</c> metadata directory is missing or empty), so there is nothing to remove or prune. When the
    /// git directory cannot be told from the path (a <c>.git</c> file), false: git is asked.
    /// </summary>
    private bool NothingLeft()
    {
        if (Directory.Exists(Root) && Directory.EnumerateFileSystemEntries(Root).Any())
        {
            return false;
        }

        var dotGit = Path.Combine(Repository, ".git");
        var gitDir = Directory.Exists(dotGit) ? dotGit
            : !File.Exists(dotGit) && File.Exists(Path.Combine(Repository, "HEAD")) && Directory.Exists(Path.Combine(Repository, "objects")) ? Repository
            : null;
        if (gitDir is null)
        {
            return false;
        }

        var metadata = Path.Combine(gitDir, "worktrees");
        return !Directory.Exists(metadata) || !Directory.EnumerateFileSystemEntries(metadata).Any();
    }

    private async Task PruneAsync()
    {
        try
        {
            await HarnessGit.TryRunAsync(Repository, ["worktree", "prune"]);
        }
        catch (Exception)
        {
            // Pruning is housekeeping; the next cleanup retries it.
        }
    }

    internal static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                // Agents may leave read-only files behind; make them writable so the delete succeeds.
                foreach (var f in Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
                {
                    try
                    {
                        File.SetAttributes(f, FileAttributes.Normal);
                    }
                    catch (IOException)
                    {
                    }
                }

                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover directory is removed by the next CleanupLeftoversAsync.
        }
    }
}
