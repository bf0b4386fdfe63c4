using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Checks one autonomous pass against the lane's guardrails, the <c>never</c> globs and forbidden content.</summary>
public static class GuardrailPolicy
{
    /// <summary>
    /// Refuses a change that has too many files or counted lines for its lane, touches a <c>never</c> path or
    /// anything under <c>.git/</c>, adds forbidden content, adds a symlink that leaves the repository, or adds a
    /// binary file over the lane's limit. One reason per violation.
    /// </summary>
    public static GuardrailDecision Check(IReadOnlyList<ChangedFile> files, Lane lane, SizeDecision size, AutoshipConfig config)
    {
        var limits = config.Lane(lane).Guardrails;
        var violations = new List<Reason>();
        if (files.Count > limits.MaxFiles)
        {
            violations.Add(new("too-many-files",
                $"{files.Count} files changed; lane {lane.Letter()} ({lane.Name()}) allows at most {limits.MaxFiles} in one pass: split the work"));
        }

        if (size.CountedLines > limits.MaxLines)
        {
            violations.Add(new("too-many-lines",
                $"{size.CountedLines} lines changed; lane {lane.Letter()} ({lane.Name()}) allows at most {limits.MaxLines} in one pass: split the work"));
        }

        foreach (var file in files)
        {
            CheckPaths(file, config, violations);
            CheckSymlink(file, violations);
            if (file.Binary && file.SizeBytes > limits.MaxBinaryBytes)
            {
                violations.Add(new("binary-too-large",
                    $"{file.Path} is a binary file of {file.SizeBytes} bytes; lane {lane.Letter()} allows at most {limits.MaxBinaryBytes}"));
            }
        }

        foreach (var (rule, file) in ContentMatcher.Matches(config.ContentRules.Where(r => r.Action == ContentAction.Forbid), files))
        {
            violations.Add(new("forbidden-content", $"{file.Path} matches content rule {rule.Id} ({rule.Reason}); this may not be automated"));
        }

        return new GuardrailDecision(violations.Count == 0, violations);
    }

    private static void CheckPaths(ChangedFile file, AutoshipConfig config, List<Reason> violations)
    {
        string[] paths = file.OldPath is null || file.OldPath == file.Path ? [file.Path] : [file.Path, file.OldPath];
        foreach (var path in paths)
        {
            var normalized = GlobMatcher.Normalize(path);
            if (IsUnsafePath(path))
            {
                violations.Add(new("unsafe-path", $"{path} is not a plain path inside the repository"));
            }
            else if (normalized == ".git" || normalized.StartsWith(".git/", StringComparison.OrdinalIgnoreCase)
                || normalized.Contains("/.git/", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(new("git-internals", $"{path} is inside .git/; no agent may touch the repository's own machinery"));
            }
            else if (GlobMatcher.FirstMatch(path, config.Never) is { } glob)
            {
                violations.Add(new("never-path", $"{path} matches never-glob {glob}: no agent may change it"));
            }
        }
    }

    private static bool IsUnsafePath(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':')
        || path.Replace('\\', '/').Split('/').Any(s => s == "..");

    private static void CheckSymlink(ChangedFile file, List<Reason> violations)
    {
        if (file.SymlinkTarget is not { } target)
        {
            return;
        }

        if (target.StartsWith('/') || target.StartsWith('\\') || (target.Length >= 2 && target[1] == ':') || target.StartsWith('~'))
        {
            violations.Add(new("symlink-escape", $"{file.Path} is a symlink to the absolute path {target}; links must stay inside the repository"));
            return;
        }

        // Walk the target from the link's own directory; dropping below the root means it leaves the repository.
        var depth = GlobMatcher.Normalize(file.Path).Count(c => c == '/');
        foreach (var segment in target.Replace('\\', '/').Split('/'))
        {
            depth += segment switch
            {
                ".." => -1,
                "" or "." => 0,
                _ => 1,
            };
            if (depth < 0)
            {
                violations.Add(new("symlink-escape", $"{file.Path} is a symlink to {target}, which leaves the repository"));
                return;
            }
        }
    }
}
