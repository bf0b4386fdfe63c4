namespace Autoship.Cli.Tests.Onboarding;

/// <summary>The vendored snapshots of real repositories (<c>Onboarding/Repos</c>, see its README).</summary>
internal static class RealRepositories
{
    public static string Snapshot(string name) => Path.Combine(RepoRoot(), "tests", "Autoship.Cli.Tests", "Onboarding", "Repos", name);

    /// <summary>The issue body (a patch to the project's code and tests) for a snapshot.</summary>
    public static string IssueBody(string name) => Snapshot(name) + ".issue.md";

    public static void Copy(string name, string to)
    {
        var from = Snapshot(name);
        Directory.Exists(from).ShouldBeTrue($"the vendored snapshot {from} is missing");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoship.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Autoship.sln not found above " + AppContext.BaseDirectory);
    }
}
