using System.Text;
using Autoship.Core.Config;

namespace Autoship.Core;

public static partial class GuardrailPolicy
{
    // Bytes, not lines, measure text: a 2 MiB single line is not "1 changed line".
    private static void CheckText(IReadOnlyList<ChangedFile> files, Lane lane, Guardrails limits, List<Reason> violations)
    {
        long pass = 0;
        var lettered = $"lane {lane.Letter()} ({lane.Name()})";
        foreach (var file in files.Where(f => f.Kind != ChangeKind.Deleted))
        {
            if (file.Binary)
            {
                pass += file.SizeBytes;
                continue;
            }

            if (file.AddedTextUnread)
            {
                violations.Add(new("added-text-unread",
                    $"{file.Path} is a changed text file whose added lines could not be read, so no rule could judge them; it may not be automated"));
            }

            var bytes = file.AddedLines.Sum(l => (long)Encoding.UTF8.GetByteCount(l) + 1);
            pass += bytes;
            if (bytes > limits.MaxFileBytes)
            {
                violations.Add(new("file-too-large", $"{file.Path} adds {bytes} bytes of text; {lettered} allows at most {limits.MaxFileBytes} per file"));
            }

            var longest = file.AddedLines.Count == 0 ? 0 : file.AddedLines.Max(l => l.Length);
            if (longest > limits.MaxLineLength)
            {
                violations.Add(new("line-too-long", $"{file.Path} adds a line of {longest} characters; {lettered} allows at most {limits.MaxLineLength}"));
            }
        }

        if (pass > limits.MaxPassBytes)
        {
            violations.Add(new("pass-too-large", $"the change adds {pass} bytes; {lettered} allows at most {limits.MaxPassBytes} in one pass: split the work"));
        }
    }
}
