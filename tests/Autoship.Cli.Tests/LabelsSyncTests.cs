using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

public sealed class LabelsSyncTests
{
    private static string Existing(LabelDefinition drifted) =>
        JsonSerializer.Serialize(new object[]
        {
            new { id = 1, name = "bug", color = "d73a4a", description = "Something isn't working" },
            new { id = 2, name = drifted.Name, color = "000000", description = drifted.Description },
        });

    [Fact]
    public async Task LabelsSync_DryRun_ShowsDiffAndChangesNothing()
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        var seed = DefaultConfig.Load().Labels;
        await using var github = new DoctorLoopback();
        github.Routes["GET /repos/o/r/labels"] = (200, Existing(seed[0]));

        var result = await CliRunner.RunAsync(dir.Path, github.Env, "labels", "sync", "--forge", "github:o/r", "--dry-run", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("create").GetInt32().ShouldBe(seed.Count - 1);
        summary.GetProperty("update").GetInt32().ShouldBe(1);
        summary.GetProperty("delete").GetInt32().ShouldBe(0);
        github.Requests.ShouldAllBe(r => r.Method == "GET");
    }

    [Fact]
    public async Task LabelsSync_Prune_CreatesUpdatesAndDeletesOthers()
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        var seed = DefaultConfig.Load().Labels;
        await using var github = new DoctorLoopback();
        github.Routes["GET /repos/o/r/labels"] = (200, Existing(seed[0]));
        github.Routes["POST /repos/o/r/labels"] = (201, """{"id":3,"name":"x","color":"ffffff"}""");
        github.Routes["PATCH /repos/o/r/labels/"] = (200, """{"id":2,"name":"x","color":"ffffff"}""");
        github.Routes["DELETE /repos/o/r/labels/bug"] = (204, string.Empty);

        var result = await CliRunner.RunAsync(dir.Path, github.Env, "labels", "sync", "--forge", "github:o/r", "--prune");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("1 delete");
        github.Requests.Count(r => r.Method == "POST").ShouldBeGreaterThanOrEqualTo(seed.Count - 1);
        github.Requests.ShouldContain(r => r.Method == "DELETE" && r.Path == "/repos/o/r/labels/bug");
    }

    [Fact]
    public async Task LabelsSync_NoToken_UsageErrorNamingTheVariables()
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);

        var result = await CliRunner.RunAsync(dir.Path, "labels", "sync", "--forge", "github:o/r");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("GITHUB_TOKEN");
    }
}
