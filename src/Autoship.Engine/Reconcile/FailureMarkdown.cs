using System.Globalization;
using System.Text;
using Autoship.Core;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// A failure's log tail as Markdown for a forge comment: a fenced block longer than any run of backticks in the log
/// (so the log cannot close it and inject Markdown, mentions or HTML), then where the whole log is.
/// </summary>
public static class FailureMarkdown
{
    public static void Append(StringBuilder sb, FailureDetail failure)
    {
        sb.Append(CultureInfo.InvariantCulture, $"**What failed**: {failure.Title}");
        if (failure.Tail.Count == 0)
        {
            sb.Append(" (its log has no readable line)\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $" — the last {Plural.Of(failure.Tail.Count, "line")} of its log:\n");
            var fence = new string('`', Math.Max(3, LongestBackticks(failure.Tail) + 1));
            sb.Append(fence).Append("text\n");
            foreach (var line in failure.Tail)
            {
                sb.Append(line).Append('\n');
            }

            sb.Append(fence).Append('\n');
        }

        var log = Uri.TryCreate(failure.Log, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"[{failure.Log}]({failure.Log})"
            : $"`{failure.Log.Replace("`", "'", StringComparison.Ordinal)}` (on the orchestrator's machine)";
        sb.Append(CultureInfo.InvariantCulture, $"The whole log: {log}\n\n");
    }

    private static int LongestBackticks(IEnumerable<string> lines)
    {
        var longest = 0;
        foreach (var line in lines)
        {
            var run = 0;
            foreach (var c in line)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }

        return longest;
    }
}
