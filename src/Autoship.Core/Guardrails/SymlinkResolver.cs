namespace Autoship.Core;

/// <summary>
/// Resolves symlinks against the tree after a change, the way the filesystem will: each link's target is walked
/// segment by segment from the link's directory, following every link met on the way (links already in the tree
/// and links the change adds). Pure: the tree is a map of link path to target.
/// </summary>
public static class SymlinkResolver
{
    private const int MaxHops = 40;

    /// <summary>Where a link ends: a repository path, or <see cref="Escapes"/> with why.</summary>
    public sealed record Resolution(string? Path, bool Escapes, string Why, bool ThroughChange);

    /// <summary>Resolves <paramref name="link"/> in <paramref name="links"/>; <paramref name="changed"/> are the links the change adds or edits.</summary>
    public static Resolution Resolve(string link, IReadOnlyDictionary<string, string> links, IReadOnlySet<string> changed)
    {
        var current = Segments(link);
        current.RemoveAt(current.Count - 1);
        var pending = new LinkedList<string>(Segments(links[link]));
        var through = changed.Contains(link);
        if (IsAbsolute(links[link]))
        {
            return new(null, true, $"an absolute path ({links[link]})", through);
        }

        var hops = 0;
        while (pending.First is { } node)
        {
            pending.RemoveFirst();
            var segment = node.Value;
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (current.Count == 0)
                {
                    return new(null, true, "a path above the repository root", through);
                }

                current.RemoveAt(current.Count - 1);
                continue;
            }

            current.Add(segment);
            var path = string.Join('/', current);
            if (!links.TryGetValue(path, out var target))
            {
                continue;
            }

            through |= changed.Contains(path);
            if (++hops > MaxHops)
            {
                return new(null, true, "a loop of links", through);
            }

            if (IsAbsolute(target))
            {
                return new(null, true, $"an absolute path ({target}) through {path}", through);
            }

            current.RemoveAt(current.Count - 1);
            foreach (var part in Segments(target).AsEnumerable().Reverse())
            {
                pending.AddFirst(part);
            }
        }

        return new(string.Join('/', current), false, string.Empty, through);
    }

    /// <summary>The links of the tree after the change: the tree's own, with the change's links and deletions applied.</summary>
    public static Dictionary<string, string> After(IReadOnlyList<ChangedFile> files, IReadOnlyDictionary<string, string>? treeLinks)
    {
        var links = new Dictionary<string, string>(treeLinks ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = GlobMatcher.Normalize(file.Path);
            if (file.Kind == ChangeKind.Deleted || file.SymlinkTarget is null)
            {
                // A file that is no longer a link (or is gone) does not resolve as one.
                if (file.Kind == ChangeKind.Deleted || treeLinks is null || !treeLinks.ContainsKey(path))
                {
                    links.Remove(path);
                }
            }
            else
            {
                links[path] = file.SymlinkTarget;
            }

            if (file.OldPath is { } old && old != file.Path)
            {
                links.Remove(GlobMatcher.Normalize(old));
            }
        }

        return links;
    }

    private static bool IsAbsolute(string target) =>
        target.StartsWith('/') || target.StartsWith('\\') || target.StartsWith('~') || (target.Length >= 2 && target[1] == ':');

    private static List<string> Segments(string path) => [.. path.Replace('\\', '/').Split('/')];
}
