using System.Diagnostics;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

public sealed class InitCommandTests
{
    private static readonly string[] Written = [".github/autoship.yml", ".github/workflows/autoship.yml", ".github/workflows/autoship-agent.yml", "scripts/test.sh", ".github/autoship.schema.json"];

    [Fact]
    public async Task Init_FreshGitRepository_WritesFilesThatValidate()
    {
        using var dir = new TempDir();
        await RunAsync(dir.Path, "git", "init", "-q");
        var expected = Autoship.Cli.Init.RepositoryScan.Read(dir.Path).Layout;

        var init = await CliRunner.RunAsync(dir.Path, "init");
        var validate = await CliRunner.RunAsync(dir.Path, "config", "validate");

        init.ExitCode.ShouldBe(0, init.ToString());
        foreach (var file in Written)
        {
            init.Stdout.ShouldContain($"wrote {file}");
            File.Exists(dir.Combine(file)).ShouldBeTrue(file);
        }

        File.ReadAllText(dir.Combine(".github", "autoship.yml")).ShouldBe(DefaultConfig.For(expected));
        File.ReadAllText(dir.Combine(".github", "autoship.yml")).ShouldContain("deployment: null");
        File.ReadAllText(dir.Combine(".github", "workflows", "autoship.yml")).ShouldBe(AutoshipWorkflow.Yaml);
        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Stdout.Trim().ShouldBe("valid: .github/autoship.yml (4 agents, 9 areas, 28 labels, 17 rules)");
    }

    [Fact]
    public async Task Init_PathOption_WritesIntoThatDirectory()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("repo"));

        var init = await CliRunner.RunAsync(dir.Path, "init", "--path", "repo");

        init.ExitCode.ShouldBe(0, init.ToString());
        File.Exists(dir.Combine("repo", ".github", "autoship.yml")).ShouldBeTrue();
        File.Exists(dir.Combine(".github", "autoship.yml")).ShouldBeFalse();
    }

    [Fact]
    public async Task Init_DryRun_PrintsEachFileAndWritesNothing()
    {
        using var dir = new TempDir();

        var init = await CliRunner.RunAsync(dir.Path, "init", "--dry-run");

        init.ExitCode.ShouldBe(0, init.ToString());
        foreach (var file in Written)
        {
            init.Stdout.ShouldContain($"would write {file}");
        }

        init.Stdout.ShouldContain("    | agents:");
        init.Stdout.ShouldContain("    |     - cron: \"*/15 * * * *\"");
        Directory.EnumerateFileSystemEntries(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Init_ExistingFiles_AreKeptWithoutForce()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine(".github"));
        File.WriteAllText(dir.Combine(".github", "autoship.yml"), "mine");

        var init = await CliRunner.RunAsync(dir.Path, "init");

        init.ExitCode.ShouldBe(0, init.ToString());
        init.Stdout.ShouldContain("kept existing .github/autoship.yml (use --force to overwrite)");
        init.Stdout.ShouldContain("wrote .github/workflows/autoship.yml");
        File.ReadAllText(dir.Combine(".github", "autoship.yml")).ShouldBe("mine");
    }

    [Fact]
    public async Task Init_Force_OverwritesConfigButNeverTheTestScript()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine(".github"));
        Directory.CreateDirectory(dir.Combine("scripts"));
        File.WriteAllText(dir.Combine(".github", "autoship.yml"), "mine");
        File.WriteAllText(dir.Combine("scripts", "test.sh"), "my tests");
        var expected = Autoship.Cli.Init.RepositoryScan.Read(dir.Path).Layout;

        var init = await CliRunner.RunAsync(dir.Path, "init", "--force");

        init.ExitCode.ShouldBe(0, init.ToString());
        init.Stdout.ShouldContain("overwrote .github/autoship.yml");
        init.Stdout.ShouldContain("kept existing scripts/test.sh");
        File.ReadAllText(dir.Combine(".github", "autoship.yml")).ShouldBe(DefaultConfig.For(expected));
        File.ReadAllText(dir.Combine("scripts", "test.sh")).ShouldBe("my tests");
    }

    [Theory]
    [InlineData("App.sln", "", "dotnet test")]
    [InlineData("App.csproj", "<Project />", "dotnet test")]
    [InlineData("package.json", """{ "scripts": { "test": "vitest run" } }""", "npm test")]
    [InlineData("pytest.ini", "[pytest]", "python3 -m pytest")]
    [InlineData("pyproject.toml", "[project]\nname = \"x\"", "python3 -m pytest")]
    [InlineData("tests/test_app.py", "def test_ok(): pass", "python3 -m pytest")]
    [InlineData("go.mod", "module example.com/x", "go test ./...")]
    [InlineData("Cargo.toml", "[package]\nname = \"x\"", "cargo test")]
    [InlineData("Makefile", "build:\n\tcc x.c\n\ntest: build\n\t./x --selftest\n", "make test")]
    public async Task Init_DetectedToolchain_WritesItsTestCommand(string file, string content, string command)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.GetDirectoryName(dir.Combine(file))!);
        File.WriteAllText(dir.Combine(file), content);

        var init = await CliRunner.RunAsync(dir.Path, "init");

        init.ExitCode.ShouldBe(0, init.ToString());
        init.Stdout.ShouldContain($"test command detected: {command}");
        var script = File.ReadAllText(dir.Combine("scripts", "test.sh")).Split('\n');
        script.ShouldContain(command);
        script.ShouldContain("set -euo pipefail");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(dir.Combine("scripts", "test.sh")).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("package.json", """{ "scripts": { "test": "echo \"Error: no test specified\" && exit 1" } }""")]
    [InlineData("Makefile", "build:\n\tcc x.c\ntest := no\n")]
    [InlineData("README.md", "# nothing to test")]
    public async Task Init_NothingDetected_ScriptFailsWithClearMessage(string file, string content)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine(file), content);

        var init = await CliRunner.RunAsync(dir.Path, "init");
        var run = await RunAsync(dir.Path, "bash", "scripts/test.sh");

        init.ExitCode.ShouldBe(0, init.ToString());
        init.Stdout.ShouldContain("warning: no test command detected");
        run.ExitCode.ShouldBe(1);
        run.Stderr.Trim().ShouldBe(TestScript.NothingDetected);
    }

    [Fact]
    public async Task Init_MissingPath_ExitsTwo()
    {
        using var dir = new TempDir();
        var init = await CliRunner.RunAsync(dir.Path, "init", "--path", "nowhere");
        init.ExitCode.ShouldBe(2, init.ToString());
        init.Stderr.ShouldContain("no such directory");
    }

    private static async Task<CliRunner.Result> RunAsync(string cwd, string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRunner.Result(process.ExitCode, await stdout, await stderr);
    }
}
