using System.Globalization;
using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

/// <summary>Reads a diff between two commits of a repository into <see cref="ChangedFile"/>s, with the added lines.</summary>
internal static class LocalDiff
{
    private sealed record RawEntry(string NewMode, string NewSha, char Status, string Path, string? OldPath);

    public static async Task<IReadOnlyList<ChangedFile>> ChangedFilesAsync(string repository, string from, string to, CancellationToken cancellationToken)
    {
        string[] common = ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "-M"];
        var raw = ParseRaw(await GitCli.RunAsync(repository, [.. common, "--raw", "-z", "--no-abbrev", from, to], null, null, cancellationToken));
        var numstat = ParseNumstat(await GitCli.RunAsync(repository, [.. common, "--numstat", "-z", from, to], null, null, cancellationToken));
        var added = ParseAddedLines(await GitCli.RunAsync(repository, [.. common, "-U0", from, to], null, null, cancellationToken));

        var files = new List<ChangedFile>();
        foreach (var entry in raw)
        {
            var (plus, minus, binary) = numstat.GetValueOrDefault(entry.Path, (0, 0, false));
            var deleted = entry.Status == 'D';
            var size = deleted ? 0 : await SizeAsync(repository, entry.NewSha, cancellationToken);
            var symlink = !deleted && entry.NewMode == "120000"
                ? await GitCli.RunAsync(repository, ["cat-file", "blob", entry.NewSha], null, null, cancellationToken)
                : null;
            files.Add(new ChangedFile(entry.Path, plus, minus, KindOf(entry.Status), binary, size, symlink, entry.OldPath)
            {
                AddedLines = added.GetValueOrDefault(entry.Path) ?? [],
            });
        }

        return files;
    }

    private static ChangeKind KindOf(char status) => status switch
    {
        'A' or 'C' => ChangeKind.Added,
        'D' => ChangeKind.Deleted,
        'R' => ChangeKind.Renamed,
        _ => ChangeKind.Modified,
    };

    private static async Task<long> SizeAsync(string repository, string sha, CancellationToken cancellationToken)
    {
        var text = await GitCli.RunAsync(repository, ["cat-file", "-s", sha], null, null, cancellationToken);
        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    // ":100644 100644 <old> <new> M\0path\0" or, for renames and copies, "... R100\0old\0new\0".
    private static List<RawEntry> ParseRaw(string text)
    {
        var parts = text.Split('\0');
        var entries = new List<RawEntry>();
        for (var i = 0; i < parts.Length && parts[i].StartsWith(':'); i++)
        {
            var meta = parts[i].Split(' ');
            var status = meta[4][0];
            if (status is 'R' or 'C')
            {
                entries.Add(new RawEntry(meta[1], meta[3], status, parts[i + 2], parts[i + 1]));
                i += 2;
            }
            else
            {
                entries.Add(new RawEntry(meta[1], meta[3], status, parts[i + 1], null));
                i += 1;
            }
        }

        return entries;
    }

    // "added\tdeleted\tpath\0", or "added\tdeleted\t\0old\0new\0" for renames; binary files show "-\t-".
    private static Dictionary<string, (int Added, int Deleted, bool Binary)> ParseNumstat(string text)
    {
        var parts = text.Split('\0');
        var stats = new Dictionary<string, (int, int, bool)>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var fields = parts[i].Split('\t');
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
                var path = line[4..].TrimEnd('\t');
                current = path.StartsWith("b/", StringComparison.Ordinal) ? (added[path[2..]] = []) : null;
            }
            else if (!header && current is not null && line.StartsWith('+'))
            {
                current.Add(line[1..]);
            }
        }

        return added;
    }
}
