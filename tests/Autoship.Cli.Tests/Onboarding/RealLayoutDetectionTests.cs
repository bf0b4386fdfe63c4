using Autoship.Cli.Init;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests.Onboarding;

/// <summary>What the real repositories revealed about <c>init</c>'s detection, as small cases.</summary>
public sealed class RealLayoutDetectionTests
{
    [Theory]
    [InlineData("tests/__init__.py=|tests/test_a.py=import unittest\n", TestToolchain.Unittest)]
    [InlineData("tests/test_a.py=import unittest\n", TestToolchain.Pytest)] // not a package: unittest discovery would need -s tests without -t
    [InlineData("tests/__init__.py=|tests/test_a.py=import unittest\nimport pytest\n", TestToolchain.Pytest)]
    [InlineData("tests/__init__.py=|tests/test_a.py=import unittest\n|pyproject.toml=[tool.pytest.ini_options]\n", TestToolchain.Pytest)]
    [InlineData("tests/__init__.py=|tests/test_a.py=import unittest\n|tests/conftest.py=\n", TestToolchain.Pytest)]
    [InlineData("pyproject.toml=[project]\n", TestToolchain.Pytest)]
    public void Detect_PythonTests_UnittestOnlyWhenNothingSaysPytest(string files, TestToolchain expected)
    {
        using var dir = new TempDir();
        foreach (var entry in files.Split('|'))
        {
            var (path, text) = (entry[..entry.IndexOf('=', StringComparison.Ordinal)], entry[(entry.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(dir.Combine(path))!);
            File.WriteAllText(dir.Combine(path), text);
        }

        ProjectDetector.Detect(dir.Path).ShouldBe([expected]);
    }

    [Fact]
    public void Workflows_ConditionalJobsTheirDependentsAndReleases_AreNotRequiredChecks()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine(".github", "workflows"));
        File.WriteAllText(dir.Combine(".github", "workflows", "release.yml"), """
            on: push
            jobs:
              build: { name: Build distribution, runs-on: ubuntu-latest, steps: [ { run: "true" } ] }
              publish:
                if: startsWith(github.ref, 'refs/tags/')
                needs: build
                runs-on: ubuntu-latest
                steps: [ { run: "true" } ]
              release: { needs: [publish], runs-on: ubuntu-latest, steps: [ { run: "true" } ] }
              testpypi: { needs: [build], environment: { name: testpypi }, runs-on: ubuntu-latest, steps: [ { run: "true" } ] }
              preview: { environment: staging, runs-on: ubuntu-latest, steps: [ { run: "true" } ] }
            """);

        var checks = WorkflowChecks.Read(dir.Path);

        checks.Checks.ShouldBe(["Build distribution", "preview"]);
        checks.Environments.ShouldBe(["testpypi", "staging"]);
        checks.Notes.ShouldContain("release.yml: job publish runs only if startsWith(github.ref, 'refs/tags/'); not required");
        checks.Notes.ShouldContain("release.yml: job release needs publish, which runs only sometimes; not required");
        checks.Notes.ShouldContain("release.yml: job testpypi deploys to testpypi; not required");
    }

    [Fact]
    public void Layout_BinScriptsAndModuleTypings_AreCode()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("bin"));
        File.WriteAllText(dir.Combine("bin", "index.js"), "console.log(1)\n");
        File.WriteAllText(dir.Combine("clsx.d.mts"), "export {}\n");

        var code = LayoutDetector.Detect(dir.Path)[SeedAreas.Code];

        code.ShouldContain("bin/**");
        code.ShouldContain("*.mts");
    }
}
