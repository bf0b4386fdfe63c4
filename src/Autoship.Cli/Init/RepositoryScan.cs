using System.Text.RegularExpressions;
using Autoship.Core.Config;

namespace Autoship.Cli.Init;

/// <summary>Everything <c>autoship init</c> reads from a repository: test runners, layout and workflows.</summary>
internal sealed partial record RepositoryScan(IReadOnlyList<TestToolchain> Toolchains, InitLayout Layout, WorkflowChecks Workflows)
{
    public static RepositoryScan Read(string root)
    {
        var workflows = WorkflowChecks.Read(root);
        var staging = workflows.Environments.FirstOrDefault(e => StagingLike().IsMatch(e));
        var note = workflows.Checks.Count == 0
            ? "No workflow reports checks on pull requests. `ci` is the check the local forge reports (it runs the\n" +
              "entrypoint); on GitHub, add a workflow job named `ci` that runs scripts/test.sh on pull requests."
            : "The checks the repository's workflows report on pull requests, as GitHub names them (found by init).";
        if (workflows.Notes.Count > 0)
        {
            note += "\n" + string.Join('\n', workflows.Notes.Select(n => "- " + n));
        }

        var layout = new InitLayout(LayoutDetector.Detect(root), workflows.Checks.Count == 0 ? null : workflows.Checks, staging, note);
        return new RepositoryScan(ProjectDetector.Detect(root), layout, workflows);
    }

    /// <summary>
    /// Sample paths for the mapping table: one real file of every root directory (one level into source roots and
    /// <c>.github</c>), then the root's files. Ordinary files are preferred over package markers and dotfiles.
    /// </summary>
    public static IReadOnlyList<(string Shown, string Sample)> SamplePaths(string root, int limit = 60)
    {
        var rows = new List<(string, string)>();
        foreach (var dir in LayoutDetector.Directories(root))
        {
            var name = Path.GetFileName(dir);
            var children = name is "src" or "lib" or "packages" or "crates" or "apps" or ".github" ? LayoutDetector.Directories(dir).ToList() : [];
            foreach (var child in children)
            {
                if (FirstFile(child) is { } sample)
                {
                    rows.Add(($"{name}/{Path.GetFileName(child)}/", Relative(root, sample)));
                }
            }

            if (children.Count == 0 && FirstFile(dir) is { } file)
            {
                rows.Add((name + "/", Relative(root, file)));
            }
        }

        foreach (var file in Directory.EnumerateFiles(root).Order(StringComparer.Ordinal))
        {
            rows.Add((Path.GetFileName(file), Path.GetFileName(file)));
        }

        return rows.Take(limit).ToList();
    }

    private static string? FirstFile(string dir)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 6, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(dir, "*", options)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "__pycache__" or "bin" or "obj" or "target"))
            .Order(StringComparer.Ordinal)
            .OrderBy(f => Path.GetFileName(f) is "__init__.py" or "conftest.py" || Path.GetFileName(f).StartsWith('.') ? 1 : 0)
            .FirstOrDefault();
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex("stag|preview|review", RegexOptions.IgnoreCase)]
    internal static partial Regex StagingLike();
}
