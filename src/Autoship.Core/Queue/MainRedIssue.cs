namespace Autoship.Core.Queue;

/// <summary>
/// A red main is nobody's item, so Autoship files one: a single issue (found again by its hidden marker, reopened and
/// updated, never duplicated) for the agent owning <c>area:test</c>, with the failing checks and their log tails. It is
/// the one item whose PR may merge while main is red (its candidate must pass); when main is green again the issue is closed.
/// </summary>
public static class MainRedIssue
{
    public const string Marker = "<!-- autoship:main-red -->";

    public const string Area = "area:test";

    /// <summary>The labels it is filed with: ready for the agent that owns the tests.</summary>
    public static IReadOnlyList<string> Labels => [Core.Labels.Ready, Area, "risk:low"];

    public static string Title(string branch) => $"{branch} is red: bring it back to green";

    /// <summary>Whether <paramref name="issue"/> is Autoship's red-main issue (its marker; the forge checks who wrote it).</summary>
    public static bool Is(IssueSnapshot issue) => issue.Body.Contains(Marker, StringComparison.Ordinal);

    /// <summary>The issue's text: what failed on which commit, the log tails, and what "done" means.</summary>
    public static string Body(string branch, string sha, IReadOnlyList<Reason> red, IReadOnlyDictionary<string, string> logTails)
    {
        var lines = new List<string>
        {
            Marker,
            $"The required checks fail on `{branch}` itself (commit {sha[..Math.Min(12, sha.Length)]}). Until they pass, Autoship merges nothing and no item's failed checks count against its attempts.",
            string.Empty,
            "Fix the fixture or the assumption that broke, right away (the validation truth contract), so that the entrypoint passes on the base again. This is the one item whose PR may merge while the base is red: its merge candidate must pass.",
            string.Empty,
            "## Failing",
        };
        lines.AddRange(red.Select(r => "- " + r.Message));
        foreach (var (check, tail) in logTails)
        {
            lines.AddRange([string.Empty, $"### Last lines of {check}", "```", tail.Replace("```", "'''", StringComparison.Ordinal), "```"]);
        }

        return string.Join('\n', lines) + "\n";
    }
}
