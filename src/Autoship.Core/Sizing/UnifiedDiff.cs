using System.Globalization;

namespace Autoship.Core;

/// <summary>
/// Parses a unified diff (<c>git diff</c> output, with or without <c>--binary</c>, or a plain <c>diff -u</c>) into
/// <see cref="ChangedFile"/>s: line counts, the added text (for content rules), new/deleted/renamed files,
/// binary files (with their size when the patch carries it) and symlinks (mode 120000, with their target).
/// </summary>
public static class UnifiedDiff
{
    public static IReadOnlyList<ChangedFile> Parse(string diff)
    {
        var files = new List<ChangedFile>();
        var lines = diff.Replace("\r\n", "\n").Split('\n');
        DiffFileBuilder? current = null;
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush(current, files);
                current = DiffFileBuilder.FromGitHeader(line["diff --git ".Length..]);
                i++;
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal))
            {
                // A plain unified diff has no "diff --git" line: the ---/+++ pair starts a file.
                if (current is null || current.SawPaths)
                {
                    Flush(current, files);
                    current = new DiffFileBuilder();
                }

                current.SetPaths(DiffPaths.FromMarker(line[4..]), DiffPaths.FromMarker(lines[i + 1][4..]));
                i += 2;
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal) && current is not null)
            {
                i = ReadHunk(lines, i, current);
            }
            else
            {
                current?.Header(line);
                i++;
            }
        }

        Flush(current, files);
        return files;
    }

    private static int ReadHunk(string[] lines, int start, DiffFileBuilder file)
    {
        var (oldCount, newCount) = HunkCounts(lines[start]);
        var i = start + 1;
        while (i < lines.Length && (oldCount > 0 || newCount > 0))
        {
            var line = lines[i];
            if (line.StartsWith('+'))
            {
                file.AddLine(line[1..]);
                newCount--;
            }
            else if (line.StartsWith('-'))
            {
                file.Deleted++;
                oldCount--;
            }
            else if (line.StartsWith('\\'))
            {
                // "\ No newline at end of file" belongs to the previous line.
            }
            else if (line.Length == 0 || line.StartsWith(' '))
            {
                // Some tools strip the single space of an empty context line.
                oldCount--;
                newCount--;
            }
            else
            {
                break;
            }

            i++;
        }

        // A trailing "\ No newline" marker after the last counted line.
        while (i < lines.Length && lines[i].StartsWith('\\'))
        {
            i++;
        }

        return i;
    }

    private static (int Old, int New) HunkCounts(string header)
    {
        // @@ -a[,b] +c[,d] @@
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var old = parts.FirstOrDefault(p => p.StartsWith('-')) ?? "-0,0";
        var @new = parts.FirstOrDefault(p => p.StartsWith('+')) ?? "+0,0";
        return (Count(old[1..]), Count(@new[1..]));
    }

    private static int Count(string range)
    {
        var comma = range.IndexOf(',');
        if (comma < 0)
        {
            return 1;
        }

        return int.TryParse(range[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static void Flush(DiffFileBuilder? file, List<ChangedFile> files)
    {
        if (file?.Build() is { } built)
        {
            files.Add(built);
        }
    }
}
