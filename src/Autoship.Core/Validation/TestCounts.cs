using System.Globalization;
using System.Text.RegularExpressions;

namespace Autoship.Core;

/// <summary>
/// How many tests a validation run reports as run, where the toolchain says: the entrypoint's
/// <c>tests: N passed</c> line, dotnet's <c>Passed: N</c> (summed over projects), pytest's <c>N passed</c>.
/// </summary>
public static partial class TestCounts
{
    /// <summary>The number of tests that ran and passed, or null when the output does not say.</summary>
    public static long? Parse(string output)
    {
        if (Entrypoint().Matches(output) is { Count: > 0 } lines)
        {
            return Number(lines[^1].Groups["n"].Value);
        }

        if (Dotnet().Matches(output) is { Count: > 0 } projects)
        {
            return projects.Sum(m => Number(m.Groups["n"].Value));
        }

        return Pytest().Matches(output) is { Count: > 0 } pytest ? Number(pytest[^1].Groups["n"].Value) : null;
    }

    /// <summary>
    /// The lane-A rule for a change that validates: it must not reduce the number of tests that run. The reason says
    /// what was compared; its code is <c>tests-fewer</c> when the head runs fewer tests than the base (a refusal).
    /// </summary>
    public static Reason Compare(long? baseCount, long? headCount) => (baseCount, headCount) switch
    {
        ({ } b, { } h) when h < b => new("tests-fewer", $"the change runs {h} tests where the base ran {b}: a lane-A change must not reduce the number of tests that run"),
        ({ } b, { } h) => new("tests-counted", $"tests that run: {b} on the base, {h} with the change"),
        (_, null) when baseCount is not null => new("tests-fewer", $"the base's validation reported {baseCount} tests, the change's reports none: a lane-A change must not hide the tests"),
        _ => new("tests-uncounted", "the validation output names no test count, so base and head counts were not compared"),
    };

    private static long Number(string digits) => long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"^\s*tests:\s*(?<n>\d{1,12}) passed\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Entrypoint();

    [GeneratedRegex(@"\bPassed:\s*(?<n>\d{1,12})\b")]
    private static partial Regex Dotnet();

    [GeneratedRegex(@"\b(?<n>\d{1,12}) passed\b")]
    private static partial Regex Pytest();
}
