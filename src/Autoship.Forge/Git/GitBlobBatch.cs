using System.Globalization;
using System.Text;
using Autoship.Core;

namespace Autoship.Forge.Git;

/// <summary>Reads several files of a repository in one <c>git cat-file --batch</c>.</summary>
public static class GitBlobBatch
{
    /// <summary>The text of each <c>REV:PATH</c> spec (null where it names no blob); null when git failed.</summary>
    public static async Task<IReadOnlyList<string?>?> ReadAsync(string repository, IReadOnlyList<string> specs, CancellationToken cancellationToken)
    {
        if (specs.Count == 0)
        {
            return [];
        }

        var output = await GitCli.TryRunBytesAsync(repository, ["cat-file", "--batch"], string.Concat(specs.Select(s => s + "\n")), cancellationToken);
        return output is null ? null : Parse(output, specs.Count);
    }

    /// <summary>
    /// The <c>.gitattributes</c> files at <paramref name="commit"/> that can decide attributes of <paramref name="paths"/>
    /// (the root's and each directory's above them); none when git cannot read the commit, which counts every file as
    /// hand-written, the stricter reading.
    /// </summary>
    public static async Task<GitAttributeFiles> AttributesAsync(string repository, string commit, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = GitAttributeFiles.DirectoriesAbove(paths).Select(GitAttributeFiles.PathIn).ToList();
        var texts = await ReadAsync(repository, [.. files.Select(f => $"{commit}:{f}")], cancellationToken);
        return texts is null ? GitAttributeFiles.None : GitAttributeFiles.FromFiles(files.Select((f, i) => KeyValuePair.Create(f, texts[i])));
    }

    // "<sha> <type> <size>\n<content>\n" per object, or "<name> missing\n".
    private static List<string?> Parse(byte[] output, int count)
    {
        var texts = new List<string?>(count);
        var at = 0;
        for (var i = 0; i < count && at < output.Length; i++)
        {
            var end = Array.IndexOf(output, (byte)'\n', at);
            if (end < 0)
            {
                break;
            }

            var header = Encoding.UTF8.GetString(output, at, end - at).Split(' ');
            at = end + 1;
            if (header.Length < 3 || header[^1] == "missing" || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                texts.Add(null);
                continue;
            }

            texts.Add(header[1] == "blob" ? Encoding.UTF8.GetString(output, at, size) : null);
            at += size + 1;
        }

        while (texts.Count < count)
        {
            texts.Add(null);
        }

        return texts;
    }
}
