namespace Autoship.Forge.Git;

/// <summary>The symlinks of the tree a diff compares to (its second commit, or the index for <c>--cached</c>), with their targets.</summary>
internal static class GitTreeLinks
{
    private const string LinkMode = "120000";

    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string directory, IReadOnlyList<string> range, IReadOnlyDictionary<string, string>? env,
        IReadOnlyList<string> config, CancellationToken cancellationToken)
    {
        // "--cached base" compares the index to base: the tree after the change is the index.
        var listing = range.Count > 0 && range[0] == "--cached"
            ? await GitCli.RunAsync(directory, [.. config, "ls-files", "-s", "-z"], env, null, cancellationToken)
            : await GitCli.RunAsync(directory, [.. config, "ls-tree", "-r", "-z", "--full-tree", range[^1]], env, null, cancellationToken);

        // ls-files -s: "mode sha stage\tpath"; ls-tree: "mode type sha\tpath".
        var links = new List<(string Path, string Sha)>();
        foreach (var entry in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = entry.IndexOf('\t');
            var meta = tab < 0 ? [] : entry[..tab].Split(' ');
            if (meta.Length == 3 && meta[0] == LinkMode)
            {
                links.Add((entry[(tab + 1)..], meta[1].Length == 40 || meta[1].Length == 64 ? meta[1] : meta[2]));
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, sha) in links)
        {
            result[path] = await GitCli.RunAsync(directory, [.. config, "cat-file", "blob", sha], env, null, cancellationToken);
        }

        return result;
    }
}
