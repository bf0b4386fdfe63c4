using Autoship.Core.Config;
using Autoship.Core.Planning;

namespace Autoship.Core.Tests.Planning;

public sealed class PathClaimsTests
{
    [Theory]
    [InlineData("src/api/**", "src/api/**", true)]
    [InlineData("src/api/**", "src/**", true)]
    [InlineData("src/api/**", "src/web/**", false)]
    [InlineData("src/*/routes.py", "src/api/**", true)]
    [InlineData("src/*.py", "src/api/**", false)]
    [InlineData("Dockerfile", "Dockerfile", true)]
    [InlineData("Dockerfile", "docs/**", false)]
    [InlineData("docs/*.md", "docs/guide.txt", false)]
    [InlineData("docs/g?ide.md", "docs/guide.md", true)]
    [InlineData("cli/**", "sdk/**", false)]
    [InlineData("a/**/z", "a/b/**", true)]
    [InlineData("a/b", "a/b/**", true)]
    [InlineData("a/{x,y}/**", "a/q/**", true)]
    public void MayOverlap_IsSymmetricAndFindsASharedPath(string a, string b, bool expected)
    {
        PathClaims.MayOverlap(a, b).ShouldBe(expected);
        PathClaims.MayOverlap(b, a).ShouldBe(expected);
    }

    /// <summary>Generated check against the real matcher: whenever a concrete path matches both globs, they overlap.</summary>
    [Fact]
    public void MayOverlap_NeverMissesAPathThatMatchesBoth()
    {
        string[] globs = ["src/**", "src/api/**", "src/*.py", "src/*/x.py", "docs/**", "docs/*.md", "a/**/b", "a/b/**", "x", "x/*", "*.md", "**/x.py"];
        string[] paths = ["src/a.py", "src/api/x.py", "src/web/x.py", "docs/g.md", "docs/a/b.md", "a/b", "a/c/b", "a/b/c", "x", "x/y", "r.md", "q/x.py"];
        var checkedPairs = 0;
        foreach (var a in globs)
        {
            foreach (var b in globs)
            {
                if (paths.Any(p => GlobMatcher.IsMatch(p, a) && GlobMatcher.IsMatch(p, b)))
                {
                    PathClaims.MayOverlap(a, b).ShouldBeTrue($"{a} and {b} share a path");
                    checkedPairs++;
                }
            }
        }

        checkedPairs.ShouldBeGreaterThan(globs.Length);
    }

    [Fact]
    public void Conflict_SameAreaOrOverlappingPaths_WaitsWithTheReason()
    {
        PathClaims.Conflict("api", ["src/api/**"], [(4, "api", ["src/api/**"])])!.Code.ShouldBe("paths-busy");
        PathClaims.Conflict("web", ["src/**"], [(4, "api", ["src/api/**"])])!.Message.ShouldContain("#4");
        PathClaims.Conflict("web", ["web/**"], [(4, "api", ["src/api/**"])]).ShouldBeNull();
    }

    [Fact]
    public void Owned_LeavesOutFloatingGlobs()
    {
        var config = DefaultConfig.Load();
        PathClaims.Owned(config, "docs").ShouldBe(["docs/**"]);
        PathClaims.Owned(config, "auth").ShouldBeEmpty();
        PathClaims.Owned(config, null).ShouldBeEmpty();
    }
}
