using static Autoship.Core.Tests.Adversarial.AdversarialCases;

namespace Autoship.Core.Tests.Adversarial;

public sealed class PathAndSizeTests
{
    private static readonly string[] Dirs = ["", "docs/", ".github/", "src/cli/", "tests/", "sdk/x/"];

    private static readonly string[] Governance =
        ["CODEOWNERS", ".gitattributes", "conftest.py", "pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml", "package.json", "Directory.Build.props",
         "Directory.Build.targets", "jest.config.js", "vitest.config.ts", "noxfile.py"];

    private static readonly string[] FixedGovernance =
        [".github/settings.yml", ".gitmodules", "scripts/test.sh", ".ci/run.sh", ".github/workflows/ci.yml", "tests/__init__.py", "tests/unit/__init__.py", ".github/autoship.yml"];

    [Fact]
    public void Classify_GeneratedGovernanceAndValidationFiles_NeverMergeWithoutHuman()
    {
        var random = new Random(1706);
        for (var i = 0; i < PerClass; i++)
        {
            var path = random.Next(3) == 0 ? Pick(random, FixedGovernance) : Pick(random, Dirs) + Pick(random, Governance);
            var result = Classify([Text(path, "exit 0"), Text("docs/notes.md", "a note")]);
            NeedsHuman(result).ShouldBeTrue($"case {i}: {path}");
        }
    }

    [Fact]
    public void Classify_GeneratedGeneratedFileChanges_NeverLaneAAndCountEveryLine()
    {
        var random = new Random(1704);
        for (var i = 0; i < PerClass; i++)
        {
            var lines = random.Next(201, 2000);
            var path = Pick(random, ["src/cli/generated/", "sdk/generated/", "docs/generated/"]) + $"f{i}.{Pick(random, ["py", "ts", "md"])}";
            var result = Classify([new ChangedFile(path, lines, 0) { AddedLines = [.. Enumerable.Repeat("x = 1", lines)] }]);
            result.Lane.ShouldNotBe(Lane.Safe, $"case {i}: {lines} lines in {path}");
            result.Allowed.ShouldBe(lines <= AdversarialCases.Config.Lane(result.Lane).Guardrails.MaxLines, $"case {i}: {lines} lines in {path}");
        }
    }

    [Fact]
    public void Classify_GeneratedLongOrLargeText_IsRefused()
    {
        var random = new Random(1705);
        for (var i = 0; i < PerClass; i++)
        {
            var length = random.Next(1_001, 3_000_000);
            var lines = random.Next(2) == 0 ? new[] { new string('a', length) } : [.. Enumerable.Repeat(new string('b', 900), length / 900 + 300)];
            var result = Classify([new ChangedFile($"docs/big{i}.md", Math.Min(lines.Length, 150), 0) { AddedLines = lines }]);
            result.Allowed.ShouldBeFalse($"case {i}: {lines.Length} lines of {lines[0].Length}");
        }
    }

    [Fact]
    public void Classify_GeneratedHarmlessDocsAndCliChanges_MergeInLaneA()
    {
        var random = new Random(1707);
        for (var i = 0; i < PerClass; i++)
        {
            var path = Pick(random, ["docs/guide.md", "docs/api/readme.md", "src/cli/main.py", "tests/test_cli.py", "README.md"]);
            var lines = Enumerable.Range(0, random.Next(1, 9)).Select(n => new string('w', random.Next(1, 900))).ToArray();
            var result = Classify([Text(path, lines)]);
            result.Allowed.ShouldBeTrue($"case {i}: {path} {string.Join("; ", result.Reasons.Select(r => r.Message))}");
            result.Lane.ShouldBe(Lane.Safe, $"case {i}: {path}");
        }
    }

    [Fact]
    public void Classify_GeneratedUnreadAddedText_IsRefused()
    {
        var random = new Random(1702);
        for (var i = 0; i < PerClass; i++)
        {
            var name = $"src/cli/p{(char)random.Next(33, 127)}{i}.py";
            var result = Classify([new ChangedFile(name, random.Next(1, 9), 0) { AddedTextUnread = true }]);
            result.Allowed.ShouldBeFalse($"case {i}: {name}");
            result.Guardrails.Violations.ShouldContain(v => v.Code == "added-text-unread");
        }
    }
}
