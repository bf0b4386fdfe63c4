using System.Text.RegularExpressions;

namespace Autoship.Core.Planning;

/// <summary>
/// The <c>Blocked by #N</c> / <c>Depends on #N</c> lines of an issue body (one or more numbers per line, outside code
/// fences): the dependencies of forges without their own, and of GitHub repositories that do not use issue dependencies.
/// </summary>
public static partial class DependencyLines
{
    /// <summary>The issue numbers the body says it waits for, in order of first mention, without duplicates.</summary>
    public static IReadOnlyList<int> Parse(string? body)
    {
        var numbers = new List<int>();
        // Every dependency line names an issue with '#': a body without one (most of them) has none.
        if (body is null || !body.Contains('#', StringComparison.Ordinal))
        {
            return numbers;
        }

        var fenced = false;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced || !line.Contains('#', StringComparison.Ordinal) || Line().Match(line) is not { Success: true } match)
            {
                continue;
            }

            foreach (Match n in Number().Matches(match.Groups["refs"].Value))
            {
                if (int.TryParse(n.Groups[1].Value, out var number) && number > 0 && !numbers.Contains(number))
                {
                    numbers.Add(number);
                }
            }
        }

        return numbers;
    }

    [GeneratedRegex(@"^(?:[-*+]\s+)?(?:\*\*)?(?:blocked\s+by|depends\s+on)(?:\*\*)?\s*:?\s*(?<refs>#\d{1,9}(?:\s*(?:,|and|&)?\s*#\d{1,9})*)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Line();

    [GeneratedRegex(@"#(\d{1,9})", RegexOptions.NonBacktracking)]
    private static partial Regex Number();
}
