namespace Autoship.Cli.Init;

/// <summary>
/// Reads a repository's layout into area paths: the project's own source roots (Python packages, Go packages,
/// Rust crates, .NET projects, TypeScript/JavaScript sources) become the <c>code</c> area; tests, docs,
/// infrastructure, web front ends and SDKs join the seed's areas of those names.
/// </summary>
internal static class LayoutDetector
{
    /// <summary>Directories that are never the project's code: tool output, dependencies, caches.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "node_modules", "bin", "obj", "target", "dist", "build", "out", "vendor", "venv", ".venv", "env",
        "__pycache__", "coverage", "htmlcov", "site-packages",
    };

    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tests"] = "test", ["test"] = "test", ["spec"] = "test", ["specs"] = "test", ["testdata"] = "test",
        ["__tests__"] = "test", ["e2e"] = "test", ["benches"] = "test", ["bench"] = "test", ["benchmarks"] = "test",
        ["testing"] = "test", ["fuzz"] = "test",
        ["docs"] = "docs", ["doc"] = "docs", ["documentation"] = "docs", ["examples"] = "docs", ["example"] = "docs",
        ["samples"] = "docs", ["_examples"] = "docs",
        ["infra"] = "infra", ["terraform"] = "infra", ["deploy"] = "infra", ["deployment"] = "infra", ["k8s"] = "infra",
        ["kubernetes"] = "infra", ["helm"] = "infra", ["charts"] = "infra", ["ansible"] = "infra", ["docker"] = "infra",
        [".devcontainer"] = "infra",
        ["web"] = "web", ["frontend"] = "web", ["ui"] = "web", ["client"] = "web", ["www"] = "web", ["site"] = "web",
        ["webapp"] = "web",
        ["sdk"] = "cli-sdk", ["sdks"] = "cli-sdk", ["clients"] = "cli-sdk", ["bindings"] = "cli-sdk", ["cmd"] = "cli-sdk",
        ["cli"] = "cli-sdk",
        ["ops"] = "ops", ["scripts"] = "ops", ["tools"] = "ops", ["hack"] = "ops", ["monitoring"] = "ops", ["observability"] = "ops",
    };

    private static readonly string[] CodeExtensions =
        [".py", ".pyi", ".go", ".rs", ".cs", ".fs", ".vb", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".c", ".h", ".cpp", ".java", ".kt"];

    /// <summary>Area name → the paths found for it (globs relative to the root).</summary>
    public static Dictionary<string, IReadOnlyList<string>> Detect(string root)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string area, string glob)
        {
            if (!found.TryGetValue(area, out var list))
            {
                found[area] = list = [];
            }

            if (!list.Contains(glob, StringComparer.Ordinal))
            {
                list.Add(glob);
            }
        }

        foreach (var dir in Directories(root))
        {
            var name = Path.GetFileName(dir);
            if (name.StartsWith('.') && name != ".devcontainer")
            {
                continue;
            }

            if (ByName.TryGetValue(name, out var area))
            {
                Add(area, name + "/**");
            }
            else if (name is "src" or "lib" or "pkg" or "internal" or "crates" or "packages" or "app" or "apps" or "source")
            {
                Add(SeedCode, name + "/**");
            }
            else if (HasCode(dir))
            {
                // A package directory at the root (Python's flat layout, a Go package, a .NET project).
                Add(IsTestProject(name) ? "test" : SeedCode, name + "/**");
            }
        }

        // bin/ is build output for .NET but a package's scripts for npm and Python (bin/index.js, bin/tool.py).
        var bin = Path.Combine(root, "bin");
        if (Directory.Exists(bin) && HasCode(bin))
        {
            Add(SeedCode, "bin/**");
        }

        // Code files at the root (a Go module's root package, a single-module Python project); the seed's test
        // area already covers *_test.* files.
        foreach (var extension in CodeExtensions.Where(e => Directory.EnumerateFiles(root, "*" + e).Any()))
        {
            Add(SeedCode, "*" + extension);
        }

        if (Directory.EnumerateFiles(root, "*.rst").Any())
        {
            Add("docs", "*.rst");
        }

        return found.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private const string SeedCode = Autoship.Core.Config.SeedAreas.Code;

    private static bool IsTestProject(string name) =>
        name.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".Test", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("_test", StringComparison.OrdinalIgnoreCase) || name.EndsWith("-tests", StringComparison.OrdinalIgnoreCase);

    internal static IEnumerable<string> Directories(string root) =>
        Directory.EnumerateDirectories(root).Where(d => !Ignored.Contains(Path.GetFileName(d)) && Path.GetFileName(d) != ".git").Order(StringComparer.Ordinal);

    private static bool HasCode(string dir)
    {
        try
        {
            return Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true })
                .Any(f => CodeExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)
                    || Path.GetExtension(f) is ".csproj" or ".fsproj");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
