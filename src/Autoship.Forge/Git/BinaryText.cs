namespace Autoship.Forge.Git;

/// <summary>
/// The readable text of a blob git calls binary: a file in UTF-16 (or with NUL bytes put in to make git call it
/// binary) still carries its words for the content rules. NULs are dropped, so UTF-16's ASCII reads as ASCII, and each
/// run of printable characters of at least <see cref="MinRun"/> becomes a line.
/// </summary>
public static class BinaryText
{
    public const int MinRun = 4;

    public static List<string> Lines(string blob)
    {
        var lines = new List<string>();
        var run = new System.Text.StringBuilder();
        foreach (var ch in blob)
        {
            if (ch == '\0')
            {
                continue;
            }

            if (ch == '\t' || (!char.IsControl(ch) && ch != '\uFFFD' && ch != '\uFEFF'))
            {
                run.Append(ch);
                continue;
            }

            Flush(run, lines);
        }

        Flush(run, lines);
        return lines;
    }

    private static void Flush(System.Text.StringBuilder run, List<string> lines)
    {
        if (run.Length >= MinRun)
        {
            lines.Add(run.ToString());
        }

        run.Clear();
    }
}
