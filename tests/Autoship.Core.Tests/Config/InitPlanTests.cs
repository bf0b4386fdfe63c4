using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class InitPlanTests
{
    [Fact]
    public void Files_Always_ConfigWorkflowAndTestScript()
    {
        var files = InitPlan.Files([TestToolchain.Go]);

        files.Take(5).Select(f => f.Path).ShouldBe([".github/autoship.yml", ".github/workflows/autoship.yml", ".github/workflows/autoship-agent.yml", "scripts/test.sh", ".github/autoship.schema.json"]);
        files[0].Content.ShouldBe(DefaultConfig.Yaml);
        files[1].Content.ShouldBe(AutoshipWorkflow.For([TestToolchain.Go], WorkflowSteps.DefaultVersion));
        files[2].Content.ShouldBe(AgentWorkflow.For([TestToolchain.Go], WorkflowSteps.DefaultVersion));
        files.Take(5).Select(f => (f.Executable, f.OnlyIfMissing)).ShouldBe([(false, false), (false, false), (false, false), (true, true), (false, false)]);
    }

    [Fact]
    public void Files_RoleInstructions_OneForEachOfTheSeedsFourAgentsNeverReplaced()
    {
        var agents = ConfigLoader.Load(DefaultConfig.Yaml, "autoship.yml").Config!.Agents.Select(a => a.Name).ToList();

        var roles = InitPlan.Files([]).Skip(5).ToList();

        agents.Count.ShouldBe(4);
        roles.Select(f => f.Path).ShouldBe(agents.Select(a => $".github/agents/{a}.md"), ignoreOrder: true);
        roles.ShouldAllBe(f => f.OnlyIfMissing && !f.Executable);
        roles.ShouldAllBe(f => f.Content.StartsWith("# ") && f.Content.Length < 2048);
        RoleInstructionTexts.Files(["someone-else", .. agents]).Count.ShouldBe(4);
    }

    [Theory]
    [InlineData(TestToolchain.Dotnet, "dotnet test")]
    [InlineData(TestToolchain.Npm, "npm test")]
    [InlineData(TestToolchain.Pytest, "python3 -m pytest")]
    [InlineData(TestToolchain.Unittest, "python3 -m unittest discover -s tests -t .")]
    [InlineData(TestToolchain.Go, "go test ./...")]
    [InlineData(TestToolchain.Cargo, "cargo test")]
    [InlineData(TestToolchain.Make, "make test")]
    public void Render_OneToolchain_RunsItsCommandUnderStrictMode(TestToolchain toolchain, string command)
    {
        var lines = TestScript.Render([toolchain]).Split('\n');

        lines[0].ShouldBe("#!/usr/bin/env bash");
        lines.ShouldContain("set -euo pipefail");
        lines.ShouldContain(command);
        lines.ShouldNotContain("exit 1");
    }

    [Fact]
    public void Render_SeveralToolchains_RunsEachInFixedOrder()
    {
        var script = TestScript.Render([TestToolchain.Npm, TestToolchain.Dotnet]);
        script.ShouldEndWith("dotnet test\nnpm test\n");
    }

    [Fact]
    public void Render_MakeTestTarget_RunsAlone()
    {
        var script = TestScript.Render([TestToolchain.Go, TestToolchain.Make]);
        script.ShouldEndWith("\nmake test\n");
        script.ShouldNotContain("go test");
    }

    [Fact]
    public void Render_NothingDetected_FailsWithAClearMessage()
    {
        var script = TestScript.Render([]);
        script.ShouldContain("echo \"no test command detected: edit scripts/test.sh — a validation entrypoint that passes without testing anything is a lie\" >&2");
        script.ShouldEndWith("exit 1\n");
    }
}
