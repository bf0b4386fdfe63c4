namespace Autoship.Forge.Local;

/// <summary>
/// A small project for demos and tests whose <c>scripts/test.sh</c> runs real (standard library) Python tests in
/// well under two seconds, with files in every area so that each lane can be shown.
/// </summary>
public static partial class LocalSample
{
    public const string Owner = "maintainer";
    public const string Writer = "alice";
    public const string Reader = "mallory";

    /// <summary>Path → content of every file of the sample repository (the lead adds <c>.github/autoship.yml</c>).</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["README.md"] = Readme,
        [".gitattributes"] = "* text=auto eol=lf\n*.sh text eol=lf\n*.png binary\n",
        [".gitignore"] = "__pycache__/\n*.pyc\n",
        [".github/workflows/ci.yml"] = Workflow,
        ["scripts/test.sh"] = TestScript,
        ["scripts/deploy-staging.sh"] = DeployScript,
        ["src/__init__.py"] = string.Empty,
        ["src/api/__init__.py"] = string.Empty,
        ["src/api/routes.py"] = Routes,
        ["src/auth/__init__.py"] = string.Empty,
        ["src/auth/session.py"] = Session,
        ["src/cli/__init__.py"] = string.Empty,
        ["src/cli/main.py"] = CliMain,
        ["web/types.ts"] = WebTypes,
        ["db/migrations/001_init.sql"] = Migration,
        ["docs/guide.md"] = Guide,
        ["tests/__init__.py"] = string.Empty,
        ["tests/test_routes.py"] = TestRoutes,
        ["tests/test_session.py"] = TestSession,
        ["tests/test_cli.py"] = TestCli,
    };

    /// <summary>Writes the sample (plus <paramref name="extraFiles"/>, which win) under <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var files = new Dictionary<string, string>(Files, StringComparer.Ordinal);
        foreach (var (path, content) in extraFiles ?? new Dictionary<string, string>())
        {
            files[path] = content;
        }

        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            if (path.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(full, File.GetUnixFileMode(full) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }
    }
}
