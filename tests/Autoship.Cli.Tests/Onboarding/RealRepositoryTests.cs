using System.Diagnostics;
using System.Text.Json;

namespace Autoship.Cli.Tests.Onboarding;

/// <summary>
/// Three real open-source repositories of different stacks (trimmed snapshots in <c>Onboarding/Repos</c>), from
/// <c>init</c> to a merged change on the local forge: <c>init</c>, <c>local import</c>, <c>labels sync</c>,
/// <c>protect</c>, a clean <c>doctor</c>, an issue with a patch to the project's code (the built-in patch author),
/// and ticks until it merges in its lane with the project's own tests (<c>scripts/test.sh</c> as <c>init</c> wrote
/// it) as validation.
/// </summary>
public sealed class RealRepositoryTests
{
    public static TheoryData<string, string, string, string> Repositories => new()
    {
        // name, the test command init must detect, a file the patch changes, a line it adds there
        { "idna", "python3 -m unittest discover -s tests -t .", "idna/core.py", "return len(label) <= 63" },
        { "uuid", "go test ./...", "uuid.go", "func (uuid UUID) IsNil() bool {" },
        { "clsx", "npm test", "src/index.js", "typeof mix === 'bigint'" },
    };

    [Theory]
    [MemberData(nameof(Repositories))]
    public async Task RealRepository_InitDoctorAndAnIssueWithAPatch_MergesInLaneBWithTheProjectsTests(string name, string testCommand, string changed, string added)
    {
        using var dir = new TempDir();
        var project = dir.Combine("project");
        RealRepositories.Copy(name, project);
        await TestGit.RunAsync(project, "init", "-q", "-b", "master");
        await TestGit.RunAsync(project, "add", "-A");
        await TestGit.RunAsync(project, "commit", "-qm", $"Snapshot of {name}");

        // The local forge reports one check, `ci` (it runs scripts/test.sh); on GitHub init takes the workflows' jobs.
        var dryRun = await CliRunner.RunAsync(project, "init", "--dry-run");
        var init = await CliRunner.RunAsync(project, "init", "--required-checks", "ci");
        await TestGit.RunAsync(project, "add", "-A");
        await TestGit.RunAsync(project, "commit", "-qm", "Add Autoship");
        var import = await CliRunner.RunAsync(dir.Path, "local", "import", "project", "forge");
        var config = Path.Combine(project, ".github", "autoship.yml");
        var sync = await CliRunner.RunAsync(dir.Path, "labels", "sync", "--forge", "local:forge", "--config", config);
        var protect = await CliRunner.RunAsync(dir.Path, "protect", "--forge", "local:forge", "--config", config, "--as", "maintainer");
        var doctor = await CliRunner.RunAsync(dir.Path, "doctor", "--forge", "local:forge", "--config", config, "--json");
        File.Copy(RealRepositories.IssueBody(name), dir.Combine("body.md"));
        var issue = await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", "forge", "--title", $"An ordinary change to {name}",
            "--body-file", "body.md", "--label", "autonomy:ready", "--label", "area:code", "--label", "risk:medium");

        // A bounded number of ticks (the local executor's detached job is collected by a later tick), not a clock.
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

        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.Stdout.ShouldContain($"test command detected: {testCommand}");
        init.ExitCode.ShouldBe(0, init.ToString());
        File.ReadAllText(Path.Combine(project, "scripts", "test.sh")).ShouldContain(testCommand + "\n");
        import.ExitCode.ShouldBe(0, import.ToString());
        sync.ExitCode.ShouldBe(0, sync.ToString());
        protect.ExitCode.ShouldBe(0, protect.ToString());
        using (var checks = JsonDocument.Parse(doctor.Stdout))
        {
            var failed = checks.RootElement.GetProperty("checks").EnumerateArray()
                .Where(c => c.GetProperty("status").GetString() is "fail" or "warn")
                .Select(c => c.GetProperty("check").GetString()).ToList();
            failed.ShouldBeEmpty(doctor.ToString());
        }

        doctor.ExitCode.ShouldBe(0, doctor.ToString());
        issue.ExitCode.ShouldBe(0, issue.ToString());
        tick.ExitCode.ShouldBe(0, tick.ToString());
        using var list = JsonDocument.Parse(prs.Stdout);
        var items = list.RootElement.ValueKind == JsonValueKind.Array ? list.RootElement : list.RootElement.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        var pr = items.EnumerateArray().ShouldHaveSingleItem();
        pr.GetProperty("state").GetString().ShouldBe("merged", prs.ToString() + tick);
        var show = await CliRunner.RunAsync(dir.Path, "local", "pr", "show", pr.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), "--forge", "forge");
        show.Stdout.ShouldContain("scripts/test.sh passed");
        show.Stdout.ShouldContain("merge (lane B staging)");
        var main = await TestGit.RunAsync(dir.Path, "--git-dir", dir.Combine("forge", "repo.git"), "show", "main:" + changed);
        main.ShouldContain(added);
    }
}
