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

        if (HasPytest(root))
        {
            found.Add(TestToolchain.Pytest);
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

    private static bool HasPytest(string root)
    {
        if (new[] { "pytest.ini", "pyproject.toml", "setup.cfg" }.Any(name => File.Exists(Path.Combine(root, name))))
        {
            return true;
        }

        var tests = Path.Combine(root, "tests");
        return Directory.Exists(tests) && Directory.EnumerateFiles(tests, "*.py").Any();
    }

    private static bool HasMakeTest(string makefile) =>
        File.Exists(makefile) && MakeTestTarget().IsMatch(File.ReadAllText(makefile));

    // "test:" or "test: deps" starts a rule; "test := x" is a variable.
    [GeneratedRegex(@"^test\s*:(?!=)", RegexOptions.Multiline)]
    private static partial Regex MakeTestTarget();
}
