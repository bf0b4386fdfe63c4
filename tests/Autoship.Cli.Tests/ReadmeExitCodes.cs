using System.Globalization;
using System.Text.RegularExpressions;

namespace Autoship.Cli.Tests;

/// <summary>
/// The README's exit-code table ("Exit codes: `0` success · `1` … · `2` bad usage …"), read from the README itself so
/// that the fault sweeps check the CLI against what a person reads, not against a copy in the tests.
/// </summary>
public static partial class ReadmeExitCodes
{
    private static readonly Lazy<IReadOnlyDictionary<int, string>> Table = new(Read);

    /// <summary>The code whose README description contains <paramref name="phrase"/> (exactly one must).</summary>
    public static int For(string phrase)
    {
        var matches = Table.Value.Where(e => e.Value.Contains(phrase, StringComparison.Ordinal)).Select(e => e.Key).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"README exit codes: {matches.Count} entries mention '{phrase}': {string.Join(" | ", Table.Value.Select(e => $"{e.Key}: {e.Value}"))}");
    }

    public static IReadOnlyDictionary<int, string> All => Table.Value;

    private static Dictionary<int, string> Read()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("Exit codes: ", StringComparison.Ordinal);
        var end = start < 0 ? -1 : readme.IndexOf("Every failure", start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new InvalidOperationException("README.md has no 'Exit codes: … Every failure' paragraph");
        }

        var text = readme[(start + "Exit codes: ".Length)..end].Replace('\n', ' ');
        return Entry().Matches(text).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value.Trim());
    }

    [GeneratedRegex(@"`(\d+)`\s+([^·]+)")]
    private static partial Regex Entry();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoship.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no Autoship.sln above " + AppContext.BaseDirectory);
    }
}
