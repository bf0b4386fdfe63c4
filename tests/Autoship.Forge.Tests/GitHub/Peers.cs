namespace Autoship.Forge.Tests.GitHub;

/// <summary>The npm test peers that <c>scripts/test-prereqs.sh</c> installs under <c>tests/.peers</c>.</summary>
internal static class Peers
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Autoship.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Autoship.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string NodeModules => Path.Combine(RepoRoot, "tests", ".peers", "node_modules");

    /// <summary>The path of a file inside an npm peer; fails the test (never skips) when the peers are missing.</summary>
    public static string File(string package, string relativePath)
    {
        var path = Path.Combine(NodeModules, package, relativePath);
        if (!System.IO.File.Exists(path))
        {
            Assert.Fail($"test peer missing: {path}. Run scripts/test-prereqs.sh first (it installs @octokit/fixtures-server, @octokit/graphql-schema, @octokit/openapi and @octokit/webhooks-examples into tests/.peers).");
        }

        return path;
    }
}
