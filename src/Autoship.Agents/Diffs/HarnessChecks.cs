using Autoship.Core;

namespace Autoship.Agents;

/// <summary>
/// The checks the harness makes itself on the real filesystem, whatever the configuration says: nothing under
/// <c>.git/</c>, no nested repositories, no symlink that resolves outside the worktree (or into its git
/// metadata), no binary larger than the lane allows.
/// </summary>
public static class HarnessChecks
{
    public static IReadOnlyList<Reason> Check(WorktreeDiff diff, string worktree, long maxBinaryBytes)
    {
        var reasons = new List<Reason>();
        var root = Path.GetFullPath(worktree).TrimEnd('/');
        foreach (var f in diff.Files)
        {
            if (IsGitPath(f.Path))
            {
                reasons.Add(Because.Of("harness.git-metadata", $"{f.Path}: agents may not change anything under .git/"));
            }

            if (f.SymlinkTarget is { } target)
            {
                var linkDir = Path.GetDirectoryName(Path.Combine(root, f.Path)) ?? root;
                var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(linkDir, target));
                if (Path.IsPathRooted(target) || !(resolved + "/").StartsWith(root + "/", StringComparison.Ordinal))
                {
                    reasons.Add(Because.Of("harness.symlink-escape", $"{f.Path} is a symlink to {target}, outside the worktree"));
                }
                else if (IsGitPath(Path.GetRelativePath(root, resolved)))
                {
                    reasons.Add(Because.Of("harness.symlink-escape", $"{f.Path} is a symlink into the git metadata ({target})"));
                }
            }

            if (f.Binary && maxBinaryBytes >= 0 && f.SizeBytes > maxBinaryBytes)
            {
                reasons.Add(Because.Of("harness.binary-too-large", $"{f.Path} is a {f.SizeBytes}-byte binary; the lane allows {maxBinaryBytes} bytes"));
            }
        }

        foreach (var g in diff.Gitlinks)
        {
            reasons.Add(Because.Of("harness.nested-repository", $"{g}: agents may not add nested repositories or submodules"));
        }

        return reasons;
    }

    private static bool IsGitPath(string path) =>
        path == ".git" || path.StartsWith(".git/", StringComparison.Ordinal) || path.Contains("/.git/", StringComparison.Ordinal) || path.EndsWith("/.git", StringComparison.Ordinal);
}
