using System.Globalization;
using Autoship.Core;

namespace Autoship.Forge.Git;

/// <summary>A diff read from git: each file with its counts, kind, size, symlink target and added lines; the full patch.</summary>
public sealed record GitDiff(IReadOnlyList<ChangedFile> Files, string Patch, IReadOnlyList<string> Gitlinks)
{
    /// <summary>Every symlink in the tree after the change (path → target), for resolving chains of links.</summary>
    public IReadOnlyDictionary<string, string> TreeLinks { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Reads <c>git diff</c> (raw and numstat in one NUL-separated listing, so any path is safe, and the binary patch) into
/// <see cref="ChangedFile"/>s. Used by the local forge for pull requests and by the agent runner for worktrees.
/// </summary>
public static class GitDiffReader
{
    private sealed record RawEntry(string OldMode, string NewMode, string NewSha, char Status, string Path, string? OldPath);

    // Text hidden in a binary blob (UTF-16, NUL bytes, a binary attribute) is read up to this size for the content rules.
    private const long MaxBinaryTextBytes = 2 * 1024 * 1024;

    /// <param name="range">What to compare, e.g. <c>[from, to]</c> or <c>["--cached", base]</c>.</param>
    /// <param name="renames">Detect renames (<c>-M</c>); off, a rename is a delete plus an add.</param>
    /// <param name="config">Extra <c>-c key=value</c> arguments placed before <c>diff</c> (hardening).</param>
    public static async Task<GitDiff> ReadAsync(string directory, IReadOnlyList<string> range, bool renames, IReadOnlyDictionary<string, string>? env,
        IReadOnlyList<string> config, CancellationToken cancellationToken)
    {
        string[] common = [.. config, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", renames ? "-M" : "--no-renames"];
        // One process prints both: the raw records (each starts with ':'), then the numstat records.
        var parts = (await GitCli.RunAsync(directory, [.. common, "--raw", "--numstat", "-z", "--no-abbrev", .. range], env, null, cancellationToken)).Split('\0');
        var raw = ParseRaw(parts, out var numstatStart);
        var numstat = ParseNumstat(parts, numstatStart);
        var patch = await GitCli.RunAsync(directory, [.. common, "--binary", .. range], env, null, cancellationToken);
        var added = ParseAddedLines(patch);

        var files = new List<ChangedFile>();
        var gitlinks = new List<string>();
        var sizes = await SizesAsync(directory, raw.Where(e => e.Status != 'D' && e.NewMode != "160000").Select(e => e.NewSha).Distinct(StringComparer.Ordinal).ToList(), env, cancellationToken);
        foreach (var entry in raw)
        {
            var (plus, minus, binary) = numstat.GetValueOrDefault(entry.Path, (0, 0, false));
            var deleted = entry.Status == 'D';
            var size = deleted || entry.NewMode == "160000" ? 0 : sizes.GetValueOrDefault(entry.NewSha);
            var symlink = !deleted && entry.NewMode == "120000"
                ? await GitCli.RunAsync(directory, ["cat-file", "blob", entry.NewSha], env, null, cancellationToken)
                : null;
            var lines = added.GetValueOrDefault(entry.Path);
            if (binary && !deleted && symlink is null && entry.NewMode != "160000" && size <= MaxBinaryTextBytes)
            {
                // Git shows no lines of a binary file; the content rules still read whatever text it carries.
                lines = BinaryText.Lines(await GitCli.RunAsync(directory, ["cat-file", "blob", entry.NewSha], env, null, cancellationToken));
            }

            // Fail closed: a text file with added lines this reader could not find in the patch is not judged blind.
            var unread = !binary && !deleted && symlink is null && entry.NewMode != "160000" && plus > 0 && (lines is null || lines.Count != plus);
            files.Add(new ChangedFile(entry.Path, plus, minus, KindOf(entry.Status), binary, size, symlink, entry.OldPath)
            {
                AddedLines = lines ?? [],
                AddedTextUnread = unread,
                Submodule = entry.NewMode == "160000" || entry.OldMode == "160000",
            });
            if (entry.NewMode == "160000")
            {
                gitlinks.Add(entry.Path);
            }
        }

        return new GitDiff(files, patch, gitlinks) { TreeLinks = await GitTreeLinks.ReadAsync(directory, range, env, config, cancellationToken) };
    }

    private static ChangeKind KindOf(char status) => status switch
    {
        'A' or 'C' => ChangeKind.Added,
        'D' => ChangeKind.Deleted,
        'R' => ChangeKind.Renamed,
        _ => ChangeKind.Modified,
    };

    // The size of every blob in one `git cat-file --batch-check` ("<sha> <type> <size>", or "<sha> missing": size 0)
    // instead of one process per changed file.
    private static async Task<Dictionary<string, long>> SizesAsync(string directory, IReadOnlyList<string> shas, IReadOnlyDictionary<string, string>? env, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        if (shas.Count == 0)
        {
            return sizes;
        }

        var result = await GitCli.TryRunAsync(directory, ["cat-file", "--batch-check"], env, string.Concat(shas.Select(s => s + "\n")), cancellationToken);
        if (!result.Ok)
        {
            return sizes;
        }

        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                sizes[parts[0]] = n;
            }
        }

        return sizes;
    }

    // ":100644 100644 <old> <new> M\0path\0" or, for renames and copies, "... R100\0old\0new\0".
    // The records end at the first part that does not start with ':'; <paramref name="end"/> is its index.
    private static List<RawEntry> ParseRaw(string[] parts, out int end)
    {
        var entries = new List<RawEntry>();
        var i = 0;
        for (; i < parts.Length && parts[i].TrimStart('\n').StartsWith(':'); i++)
        {
            var meta = parts[i].TrimStart('\n').Split(' ');
            var status = meta[4][0];
            if (status is 'R' or 'C')
            {
                entries.Add(new RawEntry(meta[0].TrimStart(':'), meta[1], meta[3], status, parts[i + 2], parts[i + 1]));
                i += 2;
            }
            else
            {
                entries.Add(new RawEntry(meta[0].TrimStart(':'), meta[1], meta[3], status, parts[i + 1], null));
                i += 1;
            }
        }

        end = i;
        return entries;
    }

    // "added\tdeleted\tpath\0", or "added\tdeleted\t\0old\0new\0" for renames; binary files show "-\t-".
    private static Dictionary<string, (int Added, int Deleted, bool Binary)> ParseNumstat(string[] parts, int start)
    {
        var stats = new Dictionary<string, (int, int, bool)>(StringComparer.Ordinal);
        for (var i = start; i < parts.Length; i++)
        {
            var fields = parts[i].TrimStart('\n').Split('\t');
            if (fields.Length < 3)
            {
                continue;
            }

            var path = fields[2];
            if (path.Length == 0 && i + 2 < parts.Length)
            {
                path = parts[i + 2];
                i += 2;
            }

            var binary = fields[0] == "-";
            stats[path] = binary ? (0, 0, true) : (int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture), false);
        }

        return stats;
    }

    private static Dictionary<string, List<string>> ParseAddedLines(string patch)
    {
        var added = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var header = false;
        foreach (var line in patch.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = null;
                header = true;
            }
            else if (header && line.StartsWith("@@", StringComparison.Ordinal))
            {
                header = false;
            }
            else if (header && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                // The new path, C-quoted by git when it holds quotes, backslashes or control characters.
                var path = DiffPaths.FromMarker(line[4..]);
                current = path is null ? null : (added[path] = []);
            }
            else if (!header && current is not null && line.StartsWith('+'))
            {
                current.Add(line[1..]);
            }
        }

        return added;
    }
}
