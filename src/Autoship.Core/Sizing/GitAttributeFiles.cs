namespace Autoship.Core;

/// <summary>
/// The <c>.gitattributes</c> files of one commit that can decide attributes for a set of paths: each file's text by
/// the directory that holds it (<c>""</c> for the root, <c>"src/cli"</c> for <c>src/cli/.gitattributes</c>). git reads
/// the file of every directory above a path, the deeper one deciding first (<see cref="GitAttributes.Parse(GitAttributeFiles)"/>).
/// </summary>
public sealed record GitAttributeFiles(IReadOnlyDictionary<string, string> ByDirectory)
{
    /// <summary>The name git reads in every directory.</summary>
    public const string FileName = ".gitattributes";

    /// <summary>No attributes file at all.</summary>
    public static GitAttributeFiles None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The text of the root <c>.gitattributes</c>, or null without one.</summary>
    public string? RootText => ByDirectory.GetValueOrDefault(string.Empty);

    /// <summary>Only a root file (null: none).</summary>
    public static GitAttributeFiles Root(string? text) =>
        text is null ? None : new(new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = text });

    /// <summary>The files read at <paramref name="paths"/> of <see cref="FileName"/> (null where a file is missing), by directory.</summary>
    public static GitAttributeFiles FromFiles(IEnumerable<KeyValuePair<string, string?>> paths)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in paths)
        {
            if (text is not null && DirectoryOf(path) is { } directory)
            {
                files[directory] = text;
            }
        }

        return files.Count == 0 ? None : new(files);
    }

    /// <summary>
    /// The directories whose <c>.gitattributes</c> can decide an attribute of any of <paramref name="paths"/>: the
    /// root and every directory above each path, shallowest first.
    /// </summary>
    public static IReadOnlyList<string> DirectoriesAbove(IEnumerable<string> paths)
    {
        var directories = new SortedSet<string>(StringComparer.Ordinal) { string.Empty };
        foreach (var path in paths)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                directories.Add(path[..slash]);
            }
        }

        return [.. directories.OrderBy(d => d.Length == 0 ? 0 : d.Count(c => c == '/') + 1).ThenBy(d => d, StringComparer.Ordinal)];
    }

    /// <summary>The path of the attributes file in <paramref name="directory"/> (<c>""</c>: the root's).</summary>
    public static string PathIn(string directory) => directory.Length == 0 ? FileName : directory + "/" + FileName;

    /// <summary>The directory holding the attributes file at <paramref name="path"/>; null when the path names another file.</summary>
    public static string? DirectoryOf(string path) =>
        path == FileName ? string.Empty
        : path.EndsWith("/" + FileName, StringComparison.Ordinal) && path.Length > FileName.Length + 1 ? path[..^(FileName.Length + 1)]
        : null;
}
