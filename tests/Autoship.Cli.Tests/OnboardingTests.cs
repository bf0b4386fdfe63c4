using System.Diagnostics;
using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

/// <summary>
/// A repository from <c>init</c> to a merged change: a Python project with a src layout and no staging deployment,
/// <c>init</c>, <c>local import</c>, <c>labels sync</c>, an issue with a patch to the project's code, one tick: merged
/// in lane B with the project's own tests as validation.
/// </summary>
public sealed class OnboardingTests
{
    private const string Patch = """
        Greet with an exclamation mark.

        ```diff
        diff --git a/src/greet/__init__.py b/src/greet/__init__.py
        --- a/src/greet/__init__.py
        +++ b/src/greet/__init__.py
        @@ -1,2 +1,2 @@
         def hello(name):
        -    return "Hello, " + name
        +    return "Hello, " + name + "!"
        diff --git a/tests/test_greet.py b/tests/test_greet.py
        --- a/tests/test_greet.py
        +++ b/tests/test_greet.py
        @@ -5,3 +5,3 @@ import greet
         class T(unittest.TestCase):
             def test_hello(self):
        -        self.assertEqual(greet.hello("a")[:5], "Hello")
        +        self.assertEqual(greet.hello("a"), "Hello, a!")
        ```

        """;

    [Fact]
    public async Task InitThenLocalImport_OrdinaryCodeChange_MergesInLaneBWithTheProjectsTests()
    {
        using var dir = new TempDir();
        var project = dir.Combine("project");
        Directory.CreateDirectory(project);
        await TestGit.RunAsync(project, "init", "-q", "-b", "trunk");
        Write(project, "pyproject.toml", "[project]\nname = \"greet\"\n");
        Write(project, "src/greet/__init__.py", "def hello(name):\n    return \"Hello, \" + name\n");
        Write(project, "tests/test_greet.py", "import sys, unittest\nsys.path.insert(0, \"src\")\nimport greet\n\nclass T(unittest.TestCase):\n    def test_hello(self):\n        self.assertEqual(greet.hello(\"a\")[:5], \"Hello\")\n");
        Write(project, "scripts/test.sh", "#!/usr/bin/env bash\nset -euo pipefail\ncd \"$(dirname \"$0\")/..\"\npython3 -m unittest discover -s tests\n");
        File.SetUnixFileMode(dir.Combine("project", "scripts", "test.sh"), (UnixFileMode)0b111_101_101);
        await TestGit.RunAsync(project, "add", "-A");
        await TestGit.RunAsync(project, "commit", "-qm", "A project");

        var init = await CliRunner.RunAsync(project, "init");
        await TestGit.RunAsync(project, "add", "-A");
        await TestGit.RunAsync(project, "commit", "-qm", "Add Autoship");
        var import = await CliRunner.RunAsync(dir.Path, "local", "import", "project", "forge");
        var config = dir.Combine("project", ".github", "autoship.yml");
        var sync = await CliRunner.RunAsync(dir.Path, "labels", "sync", "--forge", "local:forge", "--config", config);
        var doctor = await CliRunner.RunAsync(dir.Path, "doctor", "--forge", "local:forge", "--config", config, "--json");
        Write(dir.Path, "body.md", Patch);
        var issue = await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", "forge", "--title", "Exclaim in hello", "--body-file", "body.md",
            "--label", "autonomy:ready", "--label", "area:code", "--label", "risk:medium");
        // The local executor runs the agent in a detached worker: ticks dispatch, collect, review and merge. Poll
        // (a bounded number of ticks, not a clock) until the PR is merged.
        CliRunner.Result tick, prs;
        var ticks = 0;
        do
        {
            tick = await CliRunner.RunAsync(dir.Path, "tick", "--forge", "local:forge", "--config", config, "--json");
            prs = await CliRunner.RunAsync(dir.Path, "local", "pr", "list", "--forge", "forge", "--state", "all", "--json");
            ticks++;
            if (!prs.Stdout.Contains("\"merged\"", StringComparison.Ordinal))
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
        while (tick.ExitCode == 0 && !prs.Stdout.Contains("\"merged\"", StringComparison.Ordinal) && ticks < 40);

        init.ExitCode.ShouldBe(0, init.ToString());
        import.ExitCode.ShouldBe(0, import.ToString());
        import.Stdout.ShouldContain("Imported trunk of");
        import.Stdout.ShouldContain("(2 commits, owner maintainer)");
        sync.ExitCode.ShouldBe(0, sync.ToString());
        using var checks = JsonDocument.Parse(doctor.Stdout);
        var byName = checks.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("check").GetString()!, c => c.GetProperty("status").GetString());
        byName["areas cover the code"].ShouldBe("ok", doctor.ToString());
        byName["lanes can be met"].ShouldBe("ok", doctor.ToString());
        byName["validation entrypoint"].ShouldBe("ok", doctor.ToString());
        issue.ExitCode.ShouldBe(0, issue.ToString());
        tick.ExitCode.ShouldBe(0, tick.ToString());
        using var list = JsonDocument.Parse(prs.Stdout);
        var items = list.RootElement.ValueKind == JsonValueKind.Array ? list.RootElement : list.RootElement.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        var pr = items.EnumerateArray().ShouldHaveSingleItem();
        pr.GetProperty("state").GetString().ShouldBe("merged", prs.ToString() + tick);
        var main = await TestGit.RunAsync(dir.Path, "--git-dir", dir.Combine("forge", "repo.git"), "show", "main:src/greet/__init__.py");
        main.ShouldContain("name + \"!\"");
        File.ReadAllText(config).ShouldContain("deployment: null");
        DefaultConfig.LoadText(File.ReadAllText(config)).Area("code")!.Paths.ShouldBe(["src/**"]);
    }

    [Fact]
    public async Task LocalImport_NotARepositoryOrUnknownBranch_IsAUsageError()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("plain"));
        Directory.CreateDirectory(dir.Combine("repo"));
        await TestGit.RunAsync(dir.Combine("repo"), "init", "-q", "-b", "main");
        Write(dir.Combine("repo"), "a.txt", "a\n");
        await TestGit.RunAsync(dir.Combine("repo"), "add", "-A");
        await TestGit.RunAsync(dir.Combine("repo"), "commit", "-qm", "a");

        var plain = await CliRunner.RunAsync(dir.Path, "local", "import", "plain", "f1");
        var branch = await CliRunner.RunAsync(dir.Path, "local", "import", "repo", "f2", "--branch", "nope");

        plain.ExitCode.ShouldBe(2, plain.ToString());
        plain.Stderr.ShouldContain("is not a git repository on a branch");
        branch.ExitCode.ShouldBe(2, branch.ToString());
        branch.Stderr.ShouldContain("has no branch nope");
        Directory.Exists(dir.Combine("f1")).ShouldBeFalse();
        Directory.Exists(dir.Combine("f2")).ShouldBeFalse();
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine([root, .. path.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
