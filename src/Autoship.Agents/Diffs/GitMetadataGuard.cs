namespace Autoship.Agents;

/// <summary>
/// Snapshots the git metadata an agent could abuse without it showing in the diff — the worktree's <c>.git</c>
/// pointer, the repository's hooks, config and info files — and, after the run, reports and undoes any change,
/// so that planted hooks or config never run with the harness's rights.
/// </summary>
public sealed class GitMetadataGuard
{
    private readonly string worktree;
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> roots;

    private GitMetadataGuard(string worktree, IReadOnlyList<string> roots)
    {
        this.worktree = worktree;
        this.roots = roots;
    }

    public string CommonDir => roots[0];

    public string AdminDir => roots[1];

    public static async Task<GitMetadataGuard> SnapshotAsync(string worktree, CancellationToken cancellationToken)
    {
        var common = await HarnessGit.RunAsync(worktree, ["rev-parse", "--path-format=absolute", "--git-common-dir"], cancellationToken: cancellationToken);
        var admin = await HarnessGit.RunAsync(worktree, ["rev-parse", "--absolute-git-dir"], cancellationToken: cancellationToken);
        var guard = new GitMetadataGuard(worktree, [common, admin]);
        foreach (var f in guard.Watched())
        {
            guard.files[f] = File.ReadAllBytes(f);
        }

        return guard;
    }

    /// <summary>Paths that changed since the snapshot (each restored to its old content, or removed when new).</summary>
    public IReadOnlyList<string> CheckAndRestore()
    {
        var changed = new List<string>();
        var dotGit = Path.Combine(worktree, ".git");
        if (!File.Exists(dotGit) || (File.GetAttributes(dotGit) & FileAttributes.ReparsePoint) != 0 || !files.TryGetValue(dotGit, out var pointer) || !File.ReadAllBytes(dotGit).AsSpan().SequenceEqual(pointer))
        {
            changed.Add(".git");
            if (Directory.Exists(dotGit) || (File.Exists(dotGit) && (File.GetAttributes(dotGit) & FileAttributes.ReparsePoint) != 0))
            {
                WorktreeManager.DeleteDirectory(dotGit);
                File.Delete(dotGit);
            }

            File.WriteAllBytes(dotGit, files.GetValueOrDefault(dotGit) ?? []);
        }

        var now = Watched().Where(f => f != dotGit).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, bytes) in files.Where(kv => kv.Key != dotGit))
        {
            if (!now.Contains(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                changed.Add(path);
                File.WriteAllBytes(path, bytes);
            }
        }

        foreach (var path in now.Where(p => !files.ContainsKey(p)))
        {
            changed.Add(path);
            File.Delete(path);
        }

        return changed;
    }

    private IEnumerable<string> Watched()
    {
        var dotGit = Path.Combine(worktree, ".git");
        if (File.Exists(dotGit))
        {
            yield return dotGit;
        }

        foreach (var root in roots.Distinct(StringComparer.Ordinal))
        {
            foreach (var name in new[] { "config", "config.worktree", "commondir", "gitdir" })
            {
                var f = Path.Combine(root, name);
                if (File.Exists(f))
                {
                    yield return f;
                }
            }

            foreach (var sub in new[] { "hooks", "info" })
            {
                var d = Path.Combine(root, sub);
                if (Directory.Exists(d))
                {
                    foreach (var f in Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
                    {
                        yield return f;
                    }
                }
            }
        }
    }
}
