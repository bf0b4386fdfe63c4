using Autoship.Cli.Doctor;
using Autoship.Cli.Doctor.Checks;
using Autoship.Cli.Init;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge.GitHub;

namespace Autoship.Cli.Tests;

/// <summary><c>init</c> reads the repository (layout, workflows) and <c>doctor</c> finds what would stop work.</summary>
public sealed class InitLayoutTests
{
    private static void Write(TempDir dir, string path, string text = "x\n")
    {
        var full = dir.Combine(path.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void Workflows_IncludeOnlyMatrixWithNameExpression_GivesGitHubsCheckNames()
    {
        using var dir = new TempDir();
        // pallets/markupsafe's tests.yaml, shortened.
        Write(dir, ".github/workflows/tests.yaml", """
            name: Tests
            on:
              pull_request:
                paths-ignore: ['docs/**', 'README.md']
              push:
                branches: [main, stable]
            jobs:
              tests:
                name: ${{ matrix.name || matrix.python }}
                strategy:
                  matrix:
                    include:
                      - {python: '3.13'}
                      - {name: Windows, python: '3.13', os: windows-latest}
                      - {name: PyPy, python: 'pypy-3.11', tox: pypy311}
                steps: [{ run: tox }]
              typing:
                runs-on: ubuntu-latest
                steps: [{ run: tox -e typing }]
            """);

        var found = WorkflowChecks.Read(dir.Path);

        found.Checks.ShouldBe(["3.13", "Windows", "PyPy", "typing"]);
        found.Notes.ShouldHaveSingleItem().ShouldContain("paths-ignore");
    }

    [Fact]
    public void Workflows_ProductMatrixWithExcludeAndInclude_AppendsValuesToTheName()
    {
        using var dir = new TempDir();
        Write(dir, ".github/workflows/ci.yml", """
            on: [push, pull_request]
            jobs:
              test:
                strategy:
                  matrix:
                    os: [ubuntu, macos]
                    go: ['1.22', '1.23']
                    exclude: [{ os: macos, go: '1.22' }]
                    include: [{ os: windows, go: '1.23' }]
                steps: [{ run: go test ./... }]
              lint:
                name: Lint (${{ matrix.tool }})
                strategy: { matrix: { tool: [vet, staticcheck] } }
                steps: [{ run: make lint }]
              build:
                name: Build
                strategy: { matrix: { arch: [amd64] } }
                steps: [{ run: make }]
              call:
                uses: ./.github/workflows/reusable.yml
            """);
        Write(dir, ".github/workflows/release.yml", "on: { push: { tags: ['v*'] } }\njobs: { publish: { steps: [{ run: make }] } }\n");
        Write(dir, ".github/workflows/autoship.yml", "on: [pull_request]\njobs: { tick: { steps: [{ run: autoship tick }] } }\n");

        var found = WorkflowChecks.Read(dir.Path);

        found.Checks.ShouldBe(["test (ubuntu, 1.22)", "test (ubuntu, 1.23)", "test (macos, 1.23)", "test (windows, 1.23)",
            "Lint (vet)", "Lint (staticcheck)", "Build (amd64)"]);
        found.Notes.ShouldHaveSingleItem().ShouldContain("job call calls a reusable workflow");
    }

    [Fact]
    public void Workflows_PullRequestDeploymentToStaging_IsLaneBsEnvironment()
    {
        using var dir = new TempDir();
        Write(dir, ".github/workflows/preview.yml", """
            on: pull_request
            jobs:
              deploy:
                environment: { name: staging, url: https://staging.example }
                steps: [{ run: ./deploy.sh }]
              note:
                name: ${{ github.event_name }}
                steps: [{ run: echo }]
            """);

        var scan = RepositoryScan.Read(dir.Path);

        scan.Layout.StagingEnvironment.ShouldBe("staging");
        scan.Layout.RequiredChecks.ShouldBe(["deploy"]);
        scan.Workflows.Notes.ShouldHaveSingleItem().ShouldContain("is an expression");
        DefaultConfig.For(scan.Layout).ShouldContain("deployment: staging ");
    }

    public static TheoryData<string, string[], string, string> Stacks => new()
    {
        { "python src layout", ["pyproject.toml", "src/markupsafe/__init__.py", "src/markupsafe/_native.py", "tests/test_escape.py", "docs/index.rst"], "src/markupsafe/_native.py", "tests/test_escape.py" },
        { "python flat layout", ["setup.py", "requests/api.py", "tests/test_api.py"], "requests/api.py", "tests/test_api.py" },
        { "go module", ["go.mod", "semver.go", "semver_test.go", "internal/parse/parse.go", "cmd/tool/main.go", "testdata/a.txt"], "internal/parse/parse.go", "testdata/a.txt" },
        { "rust crate", ["Cargo.toml", "src/lib.rs", "tests/integration.rs", "benches/bench.rs", "examples/demo.rs"], "src/lib.rs", "benches/bench.rs" },
        { ".net solution", ["App.sln", "Widget/Widget.csproj", "Widget/Widget.cs", "Widget.Tests/WidgetTests.cs"], "Widget/Widget.cs", "Widget.Tests/WidgetTests.cs" },
        { "typescript package", ["package.json", "lib/index.ts", "spec/index.spec.ts", "web/app.tsx"], "lib/index.ts", "spec/index.spec.ts" },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Layout_EveryStack_SourceIsOwnedCodeInLaneBAndTestsAreLaneA(string stack, string[] files, string source, string test)
    {
        using var dir = new TempDir();
        foreach (var file in files)
        {
            Write(dir, file);
        }

        var scan = RepositoryScan.Read(dir.Path);
        var config = DefaultConfig.LoadText(DefaultConfig.For(scan.Layout));

        var code = PathOwnership.For(config, source);
        code.Areas.ShouldContain(SeedAreas.Code, stack);
        code.Owner.ShouldBe(SeedAreas.CodeOwner, stack);
        code.Lane.ShouldBe(Lane.Staging, stack);
        var tests = PathOwnership.For(config, test);
        tests.Areas.ShouldBe(["test"], stack);
        tests.Lane.ShouldBe(Lane.Safe, stack);
        config.Lane(Lane.Staging).DeploymentEnvironment.ShouldBeNull(stack);
        config.Validation.RequiredChecks.ShouldBe(["ci"], stack);
    }

    [Fact]
    public void Layout_NoSourceRoot_AddsNoCodeAreaAndKeepsTheSeedsAreas()
    {
        using var dir = new TempDir();
        Write(dir, "README.md");

        var layout = RepositoryScan.Read(dir.Path).Layout;

        layout.HasCode.ShouldBeFalse();
        DefaultConfig.LoadText(DefaultConfig.For(layout)).Areas.Select(a => a.Name).ShouldBe(SeedAreas.All.Select(a => a.Name));
    }

    [Fact]
    public void SeedLayout_RendersTheSeedsOperatingModel()
    {
        var seed = DefaultConfig.Load();

        seed.Lane(Lane.Staging).DeploymentEnvironment.ShouldBe("staging");
        seed.Validation.RequiredChecks.ShouldBe(["ci"]);
        seed.Areas.Select(a => a.Name).ShouldBe(SeedAreas.All.Select(a => a.Name));
        DefaultConfig.Yaml.ShouldNotContain("area:code");
    }

    [Fact]
    public async Task InitDryRun_PythonProject_TableMapsEachPartAndFitsEightyColumns()
    {
        using var dir = new TempDir();
        foreach (var file in new[] { "pyproject.toml", "src/greet/__init__.py", "src/greet/core.py", "tests/test_core.py", "docs/index.md", "infra/main.tf" })
        {
            Write(dir, file);
        }

        var init = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string> { ["COLUMNS"] = "80" }, "init", "--dry-run");

        init.ExitCode.ShouldBe(0, init.ToString());
        var table = init.Stdout[init.Stdout.IndexOf("how changes would be owned", StringComparison.Ordinal)..].Split('\n');
        table.Where(l => l.StartsWith('│') || l.StartsWith('╭') || l.StartsWith('╰')).Count().ShouldBeGreaterThan(6);
        table.Where(l => l.StartsWith('│')).ShouldAllBe(line => line.Length <= 80);
        table.ShouldContain(l => l.Contains("src/greet/") && l.Contains("code") && l.Contains("control-plane-steward") && l.Contains("B staging"));
        table.ShouldContain(l => l.Contains("tests/") && l.Contains("qa-reliability-engineer") && l.Contains("A safe"));
        table.ShouldContain(l => l.Contains("infra/") && l.Contains("C human"));
        table.ShouldContain(l => l.Contains("pyproject.toml") && l.Contains("C human"));
        Directory.Exists(dir.Combine(".github")).ShouldBeFalse();
    }

    [Fact]
    public async Task Init_RequiredChecksOption_ReplacesTheFoundChecks()
    {
        using var dir = new TempDir();
        Write(dir, ".github/workflows/ci.yml", "on: pull_request\njobs: { test: { steps: [{ run: make test }] } }\n");

        var init = await CliRunner.RunAsync(dir.Path, "init", "--required-checks", "ci, lint");
        var empty = await CliRunner.RunAsync(dir.Path, "init", "--force", "--required-checks", " , ");

        init.ExitCode.ShouldBe(0, init.ToString());
        DefaultConfig.LoadText(File.ReadAllText(dir.Combine(".github", "autoship.yml"))).Validation.RequiredChecks.ShouldBe(["ci", "lint"]);
        empty.ExitCode.ShouldBe(2, empty.ToString());
    }

    private sealed class Paths(IReadOnlyList<string>? paths) : IRepositoryFiles
    {
        public Task<IReadOnlyList<TreeEntry>?> ListAsync(string directory, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TreeEntry>?>(null);

        public Task<IReadOnlyList<string>?> ListPathsAsync(CancellationToken cancellationToken) => Task.FromResult(paths);
    }

    private static DoctorContext Context(AutoshipConfig config, IReadOnlyList<string>? paths) => new(null!, config, new Paths(paths), _ => null);

    [Fact]
    public async Task Doctor_SourceInNoArea_FailsNamingTheDirectory()
    {
        var check = new AreaCoverageCheck();

        var seed = await check.RunAsync(Context(DefaultConfig.Load(), ["src/markupsafe/__init__.py", "src/markupsafe/_native.py", "tests/test_a.py", "README.md"]), default);
        var covered = await check.RunAsync(Context(DefaultConfig.Load(), ["tests/test_a.py", "docs/conf.py"]), default);
        var unknown = await check.RunAsync(Context(DefaultConfig.Load(), null), default);

        seed.Status.ShouldBe(DoctorStatus.Fail);
        seed.Message.ShouldStartWith("2 of 3 source files are in no area (src/**)");
        seed.Fix!.ShouldContain("init --dry-run");
        covered.Status.ShouldBe(DoctorStatus.Ok);
        covered.Message.ShouldBe("all 2 source files are in an area");
        unknown.Status.ShouldBe(DoctorStatus.Skip);
    }

    [Fact]
    public async Task Doctor_Lanes_TooManyApprovalsFailAndNoStagingIsExplained()
    {
        var check = new LanesSatisfiableCheck();
        var seed = DefaultConfig.Load();
        var noStaging = seed with { Lanes = seed.Lanes.ToDictionary(kv => kv.Key, kv => kv.Key == Lane.Staging ? kv.Value with { DeploymentEnvironment = null } : kv.Value) };
        var greedy = seed with { Lanes = seed.Lanes.ToDictionary(kv => kv.Key, kv => kv.Key == Lane.Human ? kv.Value with { ReviewerApprovals = 9 } : kv.Value) };

        var explained = await check.RunAsync(Context(noStaging, null), default);
        var failed = await check.RunAsync(Context(greedy, null), default);

        explained.Status.ShouldBe(DoctorStatus.Ok);
        explained.Message.ShouldContain("lane B (staging) waits for no deployment: it merges on review and required checks");
        failed.Status.ShouldBe(DoctorStatus.Fail);
        failed.Message.ShouldContain("lane C (human) needs 9 reviewer approvals but at most 3 agents can review a change");
    }

    [Theory]
    [InlineData("#!/usr/bin/env bash\nset -euo pipefail\ncd \"$(dirname \"$0\")/..\"\n\n", true)]
    [InlineData("#!/bin/sh\necho ok\nexit 0\n", true)]
    [InlineData("#!/usr/bin/env bash\necho \"no test command detected: edit scripts/test.sh — a validation entrypoint that passes without testing anything is a lie\" >&2\nexit 1\n", true)]
    [InlineData("#!/usr/bin/env bash\nset -e\npython3 -m pytest\n", false)]
    [InlineData("cargo test\n", false)]
    public void Doctor_EntrypointThatTestsNothing_IsFound(string script, bool nothing) =>
        EntrypointCheck.TestsNothing(script).ShouldBe(nothing);
}
