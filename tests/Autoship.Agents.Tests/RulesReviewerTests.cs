using Autoship.Core;
using Autoship.Forge;

namespace Autoship.Agents.Tests;

public sealed class RulesReviewerTests
{
    private static WorkOrder Order(Lane lane) => Fixtures.Order(lane: lane, allowed: ["src/api/**", "tests/api/**", "docs/**"]);

    private static ChangedFile F(string path) => new(path, 1, 0);

    [Theory]
    [InlineData(Lane.Safe, new[] { "docs/a.md" }, "author", "reviewer", null, "approve", "")]
    [InlineData(Lane.Safe, new[] { "docs/a.md", "infra/main.tf" }, "author", "reviewer", null, "request_changes", "scope")]
    [InlineData(Lane.Safe, new[] { "docs/a.md" }, "someone-else", "reviewer", null, "request_changes", "ownership")]
    [InlineData(Lane.Safe, new[] { "docs/a.md" }, "author", "author", null, "request_changes", "ownership")]
    [InlineData(Lane.Staging, new[] { "src/api/routes.py" }, "author", "reviewer", null, "request_changes", "validation")]
    [InlineData(Lane.Staging, new[] { "src/api/routes.py", "tests/api/test_routes.py" }, "author", "reviewer", null, "approve", "")]
    [InlineData(Lane.Staging, new[] { "docs/routes.md" }, "author", "reviewer", null, "approve", "")]
    [InlineData(Lane.Safe, new[] { "src/api/routes.py" }, "author", "reviewer", null, "approve", "")]
    [InlineData(Lane.Safe, new[] { "docs/a.md" }, "author", "reviewer", 3, "approve", "drift")]
    [InlineData(Lane.Safe, new string[0], "author", "reviewer", null, "request_changes", "drift")]
    public void Review_Rubric_VerdictAndFindings(Lane lane, string[] paths, string author, string reviewer, int? behind, string verdict, string rubric)
    {
        var (v, findings) = RulesReviewer.Review(Order(lane), author, reviewer, paths.Select(F).ToList(), behind);

        v.ShouldBe(verdict == "approve" ? ReviewVerdict.Approve : ReviewVerdict.RequestChanges);
        if (rubric.Length == 0)
        {
            findings.ShouldBeEmpty();
        }
        else
        {
            findings.ShouldContain(f => f.Rubric == rubric);
        }
    }
}
