using System.Text.Json;
using System.Text.RegularExpressions;
using Autoship.Core.Config;

namespace Autoship.Cli.Init;

/// <summary>Looks at a repository's root for the test runners <c>autoship init</c> knows.</summary>
internal static partial class ProjectDetector
{
    // npm writes this placeholder into every new package.json; it fails, so it is not a test command.
    private const string NpmPlaceholder = "echo \"Error: no test specified\"";

    public static IReadOnlyList<TestToolchain> Detect(string root)
    {
        var found = new List<TestToolchain>();
        if (AnyFile(root, "*.sln") || AnyFile(root, "*.slnx") || AnyFile(root, "*.csproj"))
        {
            found.Add(TestToolchain.Dotnet);
        }

        if (HasNpmTest(Path.Combine(root, "package.json")))
        {
            found.Add(TestToolchain.Npm);
        }

        if (IsPythonProject(root))
        {
            found.Add(UsesPytest(root) || !File.Exists(Path.Combine(root, "tests", "__init__.py")) || !UsesUnittest(root)
                ? TestToolchain.Pytest
                : TestToolchain.Unittest);
        }

        if (File.Exists(Path.Combine(root, "go.mod")))
        {
            found.Add(TestToolchain.Go);
        }

        if (File.Exists(Path.Combine(root, "Cargo.toml")))
        {
            found.Add(TestToolchain.Cargo);
        }

        if (new[] { "GNUmakefile", "makefile", "Makefile" }.Any(name => HasMakeTest(Path.Combine(root, name))))
        {
            found.Add(TestToolchain.Make);
        }

        return found;
    }

    private static bool AnyFile(string dir, string pattern) => Directory.EnumerateFiles(dir, pattern).Any();

    private static bool HasNpmTest(string packageJson)
    {
        if (!File.Exists(packageJson))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(packageJson));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("scripts", out var scripts)
                && scripts.ValueKind == JsonValueKind.Object
                && scripts.TryGetProperty("test", out var test)
                && test.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(test.GetString())
                && !test.GetString()!.StartsWith(NpmPlaceholder, StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsPythonProject(string root) =>
        new[] { "pytest.ini", "pyproject.toml", "setup.cfg", "setup.py" }.Any(name => File.Exists(Path.Combine(root, name)))
        || TestFiles(root).Any();

    /// <summary>pytest configured (pytest.ini, conftest.py, [tool.pytest…], [tool:pytest], tox's [pytest]) or imported.</summary>
    private static bool UsesPytest(string root) =>
        File.Exists(Path.Combine(root, "pytest.ini"))
        || File.Exists(Path.Combine(root, "conftest.py"))
        || File.Exists(Path.Combine(root, "tests", "conftest.py"))
        || Mentions(Path.Combine(root, "pyproject.toml"), "[tool.pytest")
        || Mentions(Path.Combine(root, "setup.cfg"), "[tool:pytest]")
        || Mentions(Path.Combine(root, "tox.ini"), "[pytest]")
        || TestFiles(root).Any(f => PytestImport().IsMatch(File.ReadAllText(f)));

    private static bool UsesUnittest(string root) => TestFiles(root).Any(f => File.ReadAllText(f).Contains("unittest", StringComparison.Ordinal));

    private static IEnumerable<string> TestFiles(string root)
    {
        var tests = Path.Combine(root, "tests");
        return Directory.Exists(tests) ? Directory.EnumerateFiles(tests, "*.py").Order(StringComparer.Ordinal).Take(50) : [];
    }

    private static bool Mentions(string file, string text) =>
        File.Exists(file) && File.ReadAllText(file).Contains(text, StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(import pytest|from pytest\b)", RegexOptions.Multiline)]
    private static partial Regex PytestImport();

    private static bool HasMakeTest(string makefile) =>
        File.Exists(makefile) && MakeTestTarget().IsMatch(File.ReadAllText(makefile));

    // "test:" or "test: deps" starts a rule; "test := x" is a variable.
    [GeneratedRegex(@"^test\s*:(?!=)", RegexOptions.Multiline)]
    private static partial Regex MakeTestTarget();
}
