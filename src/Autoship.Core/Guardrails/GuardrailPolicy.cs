using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Checks one autonomous pass against the lane's guardrails, the <c>never</c> globs and forbidden content.</summary>
public static partial class GuardrailPolicy
{
    /// <summary>
    /// Refuses a change that has too many files or changed lines for its lane (every line counts, generated files
    /// too), touches a <c>never</c> path or anything under <c>.git/</c>, adds forbidden content, has a symlink that
    /// resolves outside the repository or onto a <c>never</c> or lane-C path (following the tree's links in
    /// <paramref name="treeLinks"/>), has text over the lane's byte or line-length limits or that could not be read,
    /// or adds a binary file over the lane's limit. One reason per violation.
    /// </summary>
    /// <param name="treeLinks">Every symlink of the tree after the change (path → target); null when unknown.</param>
    public static GuardrailDecision Check(IReadOnlyList<ChangedFile> files, Lane lane, SizeDecision size, AutoshipConfig config,
        IReadOnlyDictionary<string, string>? treeLinks = null) =>
        Check(new AddedTextViews(files), lane, size, config, treeLinks);

    /// <summary>The same, reading the files' added text from <paramref name="views"/> (shared with the lane's content rules).</summary>
    internal static GuardrailDecision Check(AddedTextViews views, Lane lane, SizeDecision size, AutoshipConfig config, IReadOnlyDictionary<string, string>? treeLinks)
    {
        var files = views.Files;
        var limits = config.Lane(lane).Guardrails;
        var violations = new List<Reason>();
        if (files.Count > limits.MaxFiles)
        {
            violations.Add(new("too-many-files",
                $"{Plural.Of(files.Count, "file")} changed; lane {lane.Letter()} ({lane.Name()}) allows at most {limits.MaxFiles} in one pass: split the work"));
        }

        // The generated-file exclusion shapes the size label only: what a pass may change counts every line.
        var lines = files.Sum(f => (long)f.ChangedLines);
        if (lines > limits.MaxLines)
        {
            var excluded = lines - size.CountedLines;
            var note = excluded > 0 ? $" ({excluded} of them in generated files, which count here too)" : string.Empty;
            violations.Add(new("too-many-lines",
                $"{lines} lines changed{note}; lane {lane.Letter()} ({lane.Name()}) allows at most {limits.MaxLines} in one pass: split the work"));
        }

        foreach (var file in files)
        {
            CheckPaths(file, config, violations);
            if (file.Binary && file.SizeBytes > limits.MaxBinaryBytes)
            {
                violations.Add(new("binary-too-large",
                    $"{file.Path} is a binary file of {file.SizeBytes} bytes; lane {lane.Letter()} allows at most {limits.MaxBinaryBytes}"));
            }
        }

        CheckText(files, lane, limits, violations);
        CheckSymlinks(files, lane, config, treeLinks, violations);
        foreach (var (rule, file) in ContentMatcher.Matches(config.ContentRules.Where(r => r.Action == ContentAction.Forbid), views))
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
                violations.Add(new("never-path", $"{path} matches never-glob {glob}: no agent may change it, whatever it owns (areas and alsoPaths do not override never); only a person can"));
            }
        }
    }

    private static bool IsUnsafePath(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':')
        || path.Replace('\\', '/').Split('/').Any(s => s == "..");
}
