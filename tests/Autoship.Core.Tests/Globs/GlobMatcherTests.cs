using Autoship.Core;

namespace Autoship.Core.Tests.Globs;

public sealed class GlobMatcherTests
{
    [Theory]
    [InlineData("docs/**", "docs/a.md", true)]
    [InlineData("docs/**", "docs/x/y/a.md", true)]
    [InlineData("docs/**", "src/docs.md", false)]
    [InlineData("**/*.md", "README.md", true)]
    [InlineData("**/*.md", "a/b/README.md", true)]
    [InlineData("**/*.md", "a/b/README.mdx", false)]
    [InlineData("**/migrations/**", "migrations/001.sql", true)]
    [InlineData("**/migrations/**", "src/api/migrations/001.sql", true)]
    [InlineData("**/migrations/**", "src/api/migrationsx/001.sql", false)]
    [InlineData("**/auth/**", "src/auth/session.ts", true)]
    [InlineData("**/auth/**", "src/oauth/session.ts", false)]
    [InlineData("scripts/deploy*", "scripts/deploy.sh", true)]
    [InlineData("scripts/deploy*", "scripts/deploy-prod.sh", true)]
    [InlineData("scripts/deploy*", "scripts/x/deploy.sh", false)]
    [InlineData("**/*.tf", "infra/main.tf", true)]
    [InlineData("**/*.tf", "main.tf", true)]
    [InlineData("**/.env", ".env", true)]
    [InlineData("**/.env", "app/.env", true)]
    [InlineData("**/.env", "app/.envrc", false)]
    [InlineData("**/*.pem", "keys/server.PEM", true)]
    [InlineData(".github/workflows/**", ".github/workflows/ci.yml", true)]
    [InlineData(".github/autoship.yml", ".github/autoship.yml", true)]
    [InlineData(".github/autoship.yml", "./.github/autoship.yml", true)]
    [InlineData("src/api/**", "src/api/routes/users.py", true)]
    [InlineData("src/api/**", "src/apiv2/routes.py", false)]
    [InlineData("a/**/b.txt", "a/b.txt", true)]
    [InlineData("a/**/b.txt", "a/x/y/b.txt", true)]
    public void IsMatch_Pattern_MatchesAsDocumented(string pattern, string path, bool expected)
    {
        GlobMatcher.IsMatch(path, pattern).ShouldBe(expected);
    }
}
