using Autoship.Core.Config;

namespace Autoship.Core;

public static partial class GuardrailPolicy
{
    // A probe name for "a file inside": a link to a directory lands on every path under it.
    private const string Inside = "autoship-probe";

    // Every link of the tree after the change whose resolution the change affects: links it adds or edits, and
    // links already in the tree that now pass through one of those.
    private static void CheckSymlinks(IReadOnlyList<ChangedFile> files, Lane lane, AutoshipConfig config, IReadOnlyDictionary<string, string>? treeLinks, List<Reason> violations)
    {
        var changed = files.Where(f => f.Kind != ChangeKind.Deleted && f.SymlinkTarget is not null).Select(f => GlobMatcher.Normalize(f.Path)).ToHashSet(StringComparer.Ordinal);
        if (changed.Count == 0)
        {
            return;
        }

        var links = SymlinkResolver.After(files, treeLinks);
        foreach (var link in links.Keys.Order(StringComparer.Ordinal))
        {
            var resolution = SymlinkResolver.Resolve(link, links, changed);
            if (!resolution.ThroughChange)
            {
                continue;
            }

            if (resolution.Escapes)
            {
                violations.Add(new("symlink-escape", $"{link} is a symlink to {links[link]}, which resolves to {resolution.Why}: links must stay inside the repository"));
            }
            else if (Protected(resolution.Path!, lane, config) is { } why)
            {
                violations.Add(new("symlink-protected", $"{link} is a symlink to {links[link]}, which resolves to {DisplayPath(resolution.Path!)}: {why}"));
            }
        }
    }

    private static string? Protected(string target, Lane lane, AutoshipConfig config)
    {
        if (target.Length == 0)
        {
            return null;
        }

        foreach (var path in new[] { target, target + "/" + Inside })
        {
            if (path == ".git" || path.StartsWith(".git/", StringComparison.OrdinalIgnoreCase) || path.Contains("/.git/", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith("/.git", StringComparison.OrdinalIgnoreCase))
            {
                return "the repository's git metadata";
            }

            if (GlobMatcher.FirstMatch(path, config.Never) is { } glob)
            {
                return $"a never path ({glob})";
            }

            if (lane != Lane.Human && LaneClassifier.Classify([], [new ChangedFile(path, 0, 0)], config).Lane == Lane.Human)
            {
                return "a lane C (human) path, which a link must not reach into from a lower lane";
            }
        }

        return null;
    }

    private static string DisplayPath(string path) => path.Length == 0 ? "the repository root" : path;
}
