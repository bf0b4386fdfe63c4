using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Autoship.Cli.Tests.Onboarding;

/// <summary>
/// The workflows <c>init</c> writes for the three real repositories pass actionlint, pin every action by commit,
/// keep no credentials in <c>.git/config</c>, ask only for the permissions a tick needs and never fall back to the
/// Actions token for writes.
/// </summary>
public sealed partial class WorkflowLintTests
{
    public static TheoryData<string> Repositories => new() { "idna", "uuid", "clsx" };

    [Theory]
    [MemberData(nameof(Repositories))]
    public async Task Init_RealRepository_WritesWorkflowsThatPassActionlintAndPinEverything(string name)
    {
        using var dir = new TempDir();
        var project = dir.Combine("project");
        RealRepositories.Copy(name, project);
        var init = await CliRunner.RunAsync(project, "init");
        init.ExitCode.ShouldBe(0, init.ToString());
        string[] files = [Path.Combine(project, ".github", "workflows", "autoship.yml"), Path.Combine(project, ".github", "workflows", "autoship-agent.yml")];

        var lint = await ActionlintAsync(files);
        lint.ExitCode.ShouldBe(0, lint.Output);
        lint.Output.ShouldContain("actionlint: 2 files, 0 problems");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var uses = Uses().Matches(text).Select(m => m.Groups[1].Value).ToList();
            uses.ShouldNotBeEmpty();
            uses.ShouldAllBe(u => Pinned().IsMatch(u), file);
            text.ShouldNotContain("github.token");
            text.ShouldNotContain("secrets.GITHUB_TOKEN");
            CheckoutsKeepNoCredentials(text).ShouldBeTrue(file);
            text.ShouldContain("dotnet tool install --global Autoship --version \"$AUTOSHIP_VERSION\"");
            text.ShouldContain("AUTOSHIP_VERSION: \"0.1.0\"");
            text.ShouldContain("- name: Install test prerequisites");
        }

        var tick = File.ReadAllText(files[0]);
        tick.ShouldContain("$GITHUB_STEP_SUMMARY");
        tick.ShouldContain("::error title=autoship");
        tick.ShouldContain("gsub(\"%\"; \"%25\") | gsub(\"\\r\"; \"%0D\") | gsub(\"\\n\"; \"%0A\")");
        Permissions(tick).ShouldBe(["contents: write", "issues: write", "pull-requests: write", "statuses: write", "checks: read", "deployments: read", "actions: read"]);
        Permissions(File.ReadAllText(files[1])).ShouldBe(["contents: read"]);
        var expected = name switch { "idna" => "actions/setup-python@", "uuid" => "actions/setup-go@", _ => "actions/setup-node@" };
        tick.ShouldContain(expected);
        if (name == "clsx")
        {
            tick.ShouldContain("[ -d node_modules ] || npm install --no-audit --no-fund");
        }
    }

    [Fact]
    public async Task Actionlint_ABrokenWorkflow_IsReported()
    {
        using var dir = new TempDir();
        var file = dir.Combine("bad.yml");
        File.WriteAllText(file, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n");

        var lint = await ActionlintAsync([file]);

        lint.ExitCode.ShouldBe(1, lint.Output);
        lint.Output.ShouldContain("bad.yml:6:");
    }

    /// <summary>Every <c>actions/checkout</c> step sets <c>persist-credentials: false</c> in its <c>with:</c>.</summary>
    private static bool CheckoutsKeepNoCredentials(string text)
    {
        var steps = text.Split("\n      - ");
        var checkouts = steps.Where(s => s.Contains("actions/checkout@", StringComparison.Ordinal)).ToList();
        return checkouts.Count > 0 && checkouts.All(s => s.Contains("persist-credentials: false", StringComparison.Ordinal));
    }

    private static List<string> Permissions(string text)
    {
        var block = text[(text.IndexOf("\npermissions:\n", StringComparison.Ordinal) + "\npermissions:\n".Length)..];
        return block.Split('\n').TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Split('#')[0].Trim()).Select(l => Regex.Replace(l, @"\s+", " ")).ToList();
    }

    private static async Task<(int ExitCode, string Output)> ActionlintAsync(IEnumerable<string> files)
    {
        var modules = Environment.GetEnvironmentVariable("AUTOSHIP_TEST_NODE_MODULES") is { Length: > 0 } given
            ? given
            : Path.Combine(RealRepositories.RepoRoot(), "tests", ".peers", "node_modules");
        Directory.Exists(Path.Combine(modules, "@tktco", "node-actionlint")).ShouldBeTrue($"actionlint is not installed in {modules}: run scripts/test-prereqs.sh");
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(RealRepositories.RepoRoot(), "tests", "Autoship.Cli.Tests", "Onboarding", "actionlint.cjs"));
        psi.ArgumentList.Add(modules);
        foreach (var file in files)
        {
            psi.ArgumentList.Add(file);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex Uses();

    // owner/name@<40 hex> # vX.Y.Z
    [GeneratedRegex(@"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")]
    private static partial Regex Pinned();
}
