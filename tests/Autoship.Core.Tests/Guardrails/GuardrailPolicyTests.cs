using Autoship.Core.Tests.Lanes;

namespace Autoship.Core.Tests.Guardrails;

public sealed class GuardrailPolicyTests
{
    private static readonly global::Autoship.Core.Config.AutoshipConfig Config = TestConfigs.Default();

    private static GuardrailDecision Check(Lane lane, params ChangedFile[] files) =>
        GuardrailPolicy.Check(files, lane, SizingPolicy.Measure(files, Config.Sizing, null), Config);

    [Theory]
    [InlineData(Lane.Safe, 10, true)]
    [InlineData(Lane.Safe, 11, false)]
    [InlineData(Lane.Staging, 20, true)]
    [InlineData(Lane.Staging, 21, false)]
    [InlineData(Lane.Human, 21, false)]
    public void Check_FileCount_LimitedPerLane(Lane lane, int count, bool allowed)
    {
        var decision = Check(lane, [.. Enumerable.Range(0, count).Select(i => new ChangedFile($"docs/{i}.md", 0, 0))]);

        decision.Allowed.ShouldBe(allowed);
        decision.Violations.Any(v => v.Code == "too-many-files").ShouldBe(!allowed);
    }

    [Theory]
    [InlineData(Lane.Safe, 200, true)]
    [InlineData(Lane.Safe, 201, false)]
    [InlineData(Lane.Staging, 400, true)]
    [InlineData(Lane.Human, 401, false)]
    public void Check_CountedLines_LimitedPerLane(Lane lane, int lines, bool allowed)
    {
        var decision = Check(lane, new ChangedFile("docs/a.md", lines, 0));

        decision.Allowed.ShouldBe(allowed);
        decision.Violations.Any(v => v.Code == "too-many-lines").ShouldBe(!allowed);
    }

    [Theory]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData(".github/autoship.yml")]
    [InlineData("certs/server.pem")]
    [InlineData(".env")]
    [InlineData("web/.env")]
    public void Check_NeverPath_IsRefused(string path)
    {
        var decision = Check(Lane.Human, new ChangedFile(path, 1, 0));

        decision.Allowed.ShouldBeFalse();
        decision.Violations.Single().Code.ShouldBe("never-path");
        decision.Violations.Single().Message.ShouldContain(path);
    }

    [Theory]
    [InlineData(".git/config")]
    [InlineData(".git/hooks/pre-commit")]
    [InlineData("vendor/lib/.git/HEAD")]
    public void Check_GitInternals_AreRefused(string path)
    {
        Check(Lane.Human, new ChangedFile(path, 1, 0)).Violations.Single().Code.ShouldBe("git-internals");
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("docs/../../outside.txt")]
    [InlineData("/etc/passwd")]
    public void Check_PathOutsideTheRepository_IsRefused(string path)
    {
        Check(Lane.Human, new ChangedFile(path, 1, 0)).Violations.Single().Code.ShouldBe("unsafe-path");
    }

    [Fact]
    public void Check_RenameOfANeverPath_IsRefused()
    {
        var moved = new ChangedFile("docs/ci.yml", 0, 0, ChangeKind.Renamed, OldPath: ".github/workflows/ci.yml");

        Check(Lane.Human, moved).Violations.Single().Code.ShouldBe("never-path");
    }

    [Theory]
    [InlineData("docs/link", "/etc/passwd", false)]
    [InlineData("docs/link", "~/secrets", false)]
    [InlineData("docs/link", "../../etc/passwd", false)]
    [InlineData("link", "../x", false)]
    [InlineData("docs/link", "../README.md", true)]
    [InlineData("docs/a/link", "../../README.md", true)]
    [InlineData("docs/link", "./guide.md", true)]
    public void Check_Symlink_MustStayInsideTheRepository(string path, string target, bool allowed)
    {
        var decision = Check(Lane.Safe, new ChangedFile(path, 1, 0, ChangeKind.Added, SymlinkTarget: target));

        decision.Allowed.ShouldBe(allowed);
        decision.Violations.Any(v => v.Code == "symlink-escape").ShouldBe(!allowed);
    }

    [Theory]
    [InlineData(1024 * 1024, true)]
    [InlineData(1024 * 1024 + 1, false)]
    public void Check_BinaryFile_LimitedBySize(long bytes, bool allowed)
    {
        var decision = Check(Lane.Safe, new ChangedFile("docs/img.png", 0, 0, ChangeKind.Added, Binary: true, SizeBytes: bytes));

        decision.Allowed.ShouldBe(allowed);
        decision.Violations.Any(v => v.Code == "binary-too-large").ShouldBe(!allowed);
    }

    [Fact]
    public void Check_ForbiddenContent_NamesRuleAndFile()
    {
        var decision = Check(Lane.Human, Changes.WithLines("db/cleanup.sql", "TRUNCATE TABLE events;"));

        decision.Violations.Single().Message.ShouldContain("truncate");
        decision.Violations.Single().Message.ShouldContain("db/cleanup.sql");
    }

    [Fact]
    public void Check_SeveralViolations_OneReasonEach()
    {
        var decision = Check(Lane.Safe,
            [.. Enumerable.Range(0, 11).Select(i => new ChangedFile($"docs/{i}.md", 20, 0)), new ChangedFile(".env", 1, 0), Changes.WithLines("a.sql", "DROP TABLE x")]);

        decision.Violations.Select(v => v.Code).ShouldBe(["too-many-files", "too-many-lines", "never-path", "forbidden-content"], ignoreOrder: true);
    }
}
