using Autoship.Core;

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
        var raw = await HarnessGit.RunAsync(dir, ["diff", "--raw", "-z", "--no-renames", "--no-abbrev", .. range], env, cancellationToken);
        var numstat = await HarnessGit.RunAsync(dir, ["diff", "--numstat", "-z", "--no-renames", .. range], env, cancellationToken);
        var patch = await HarnessGit.RunAsync(dir, ["diff", "--no-renames", "--binary", "--no-color", "--no-ext-diff", .. range], env, cancellationToken);
        var counts = ParseNumstat(numstat);
        var added = PatchParser.AddedLines(patch);
        var files = new List<ChangedFile>();
        var gitlinks = new List<string>();
        var parts = raw.Split('\0');
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            // ":<old mode> <new mode> <old sha> <new sha> <status>" then the path.
            var meta = parts[i].TrimStart('\n', ':').Split(' ');
            if (meta.Length < 5)
            {
                continue;
            }

            var path = parts[i + 1];
            var newMode = meta[1];
            var newSha = meta[3];
            var kind = meta[4][0] switch { 'A' => ChangeKind.Added, 'D' => ChangeKind.Deleted, _ => ChangeKind.Modified };
            var (a, d, binary) = counts.GetValueOrDefault(path, (0, 0, false));
            var size = kind == ChangeKind.Deleted ? 0 : await BlobSizeAsync(dir, newSha, env, cancellationToken);
            string? link = null;
            if (newMode == "120000" && kind != ChangeKind.Deleted)
            {
                link = await HarnessGit.RunAsync(dir, ["cat-file", "blob", newSha], env, cancellationToken);
            }

            files.Add(new ChangedFile(path, a, d, kind, binary, size, link) { AddedLines = added.GetValueOrDefault(path) ?? [] });
            if (newMode == "160000")
            {
                gitlinks.Add(path);
            }
        }

        return new WorktreeDiff(files, patch, null) { Gitlinks = gitlinks };
    }

    private static async Task<long> BlobSizeAsync(string dir, string sha, IReadOnlyDictionary<string, string>? env, CancellationToken cancellationToken)
    {
        var r = await HarnessGit.TryRunAsync(dir, ["cat-file", "-s", sha], env, cancellationToken);
        return r.Ok && long.TryParse(r.Stdout.Trim(), out var n) ? n : 0;
    }

    private static Dictionary<string, (int Added, int Deleted, bool Binary)> ParseNumstat(string numstat)
    {
        var result = new Dictionary<string, (int, int, bool)>(StringComparer.Ordinal);
        foreach (var entry in numstat.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var cols = entry.TrimStart('\n').Split('\t', 3);
            if (cols.Length == 3)
            {
                var binary = cols[0] == "-";
                result[cols[2]] = (binary ? 0 : int.Parse(cols[0], System.Globalization.CultureInfo.InvariantCulture), binary ? 0 : int.Parse(cols[1], System.Globalization.CultureInfo.InvariantCulture), binary);
            }
        }

        return result;
    }
}
