using Autoship.Core;
using Autoship.Forge;
using DotNet.Globbing;

namespace Autoship.Agents;

/// <summary>
/// The built-in deterministic reviewer, on the seed's rubric:
/// <list type="bullet">
/// <item>scope — every changed file matches the work order's allowed paths (the owner's areas); others are errors;</item>
/// <item>ownership — the author is the work order's owner, and the reviewer is not the author;</item>
/// <item>validation — in the staging and human lanes, a change to code (anything but docs: <c>docs/**</c>,
/// <c>*.md</c>, <c>*.txt</c>) needs a change under a test directory (<c>tests/</c>, <c>test/</c>,
/// <c>__tests__/</c>, <c>spec/</c>) or to a <c>*test*</c>/<c>*spec*</c> file; the safe lane does not ask for it;</item>
/// <item>drift — a branch behind the base is a warning (the gate and merge handle rebasing); an empty diff is an error.</item>
/// </list>
/// The verdict is request changes when any finding is an error, otherwise approve.
/// </summary>
public static class RulesReviewer
{
    public const string Name = "builtin:rules";

    public static (ReviewVerdict Verdict, IReadOnlyList<Finding> Findings) Review(
        WorkOrder order, string author, string reviewer, IReadOnlyList<ChangedFile> files, int? behindBy)
    {
        var findings = new List<Finding>();
        var allowed = order.AllowedPaths.Select(p => Glob.Parse(p)).ToList();
        foreach (var f in files)
        {
            if (!allowed.Any(g => g.IsMatch(f.Path)))
            {
                findings.Add(new Finding("scope", "error", $"{f.Path} is outside the owner's areas ({string.Join(", ", order.AllowedPaths)})", f.Path));
            }
        }

        if (!string.Equals(author, order.Owner, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new Finding("ownership", "error", $"the change was written by {author}, but the work order's owner is {order.Owner}"));
        }

        if (string.Equals(author, reviewer, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new Finding("ownership", "error", $"{reviewer} cannot review its own change"));
        }

        if (order.Lane != Lane.Safe && files.Any(f => !IsDocs(f.Path) && !IsTest(f.Path)) && !files.Any(f => IsTest(f.Path)))
        {
            findings.Add(new Finding("validation", "error", $"code changes in the {order.Lane.Name()} lane must come with a test change"));
        }

        if (files.Count == 0)
        {
            findings.Add(new Finding("drift", "error", "the pull request changes nothing"));
        }

        if (behindBy is { } behind and > 0)
        {
            findings.Add(new Finding("drift", "warning", $"the branch is {Plural.Of(behind, "commit")} behind the base; it must be brought up to date before merging"));
        }

        var verdict = findings.Any(f => f.Severity == "error") ? ReviewVerdict.RequestChanges : ReviewVerdict.Approve;
        return (verdict, findings);
    }

    internal static bool IsDocs(string path) =>
        path.StartsWith("docs/", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    internal static bool IsTest(string path)
    {
        var p = "/" + path.ToLowerInvariant();
        var name = Path.GetFileName(p);
        return p.Contains("/tests/", StringComparison.Ordinal) || p.Contains("/test/", StringComparison.Ordinal)
            || p.Contains("/__tests__/", StringComparison.Ordinal) || p.Contains("/spec/", StringComparison.Ordinal)
            || name.Contains("test", StringComparison.Ordinal) || name.Contains("spec", StringComparison.Ordinal);
    }
}
