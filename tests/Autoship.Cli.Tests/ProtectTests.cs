using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

public sealed class ProtectTests
{
    private const string Repository = """{"id":1,"name":"r","full_name":"o/r","default_branch":"main","allow_auto_merge":false,"allow_squash_merge":true,"permissions":{"admin":true,"maintain":true,"push":true,"triage":true,"pull":true},"owner":{"login":"o"}}""";

    private static DoctorLoopback Unprotected()
    {
        var github = new DoctorLoopback();
        github.Routes["GET /repos/o/r"] = (200, Repository);
        github.Routes["GET /repos/o/r/rules/branches/"] = (200, "[]");
        github.Routes["GET /repos/o/r/branches/"] = (404, """{"message":"Branch not protected"}""");
        github.Routes["PUT /repos/o/r/branches/"] = (200, "{}");
        github.Routes["PATCH /repos/o/r"] = (200, Repository);
        return github;
    }

    [Fact]
    public async Task Protect_DryRun_ShowsDifferenceAndChangesNothing()
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        await using var github = Unprotected();

        var result = await CliRunner.RunAsync(dir.Path, github.Env, "protect", "--forge", "github:o/r", "--dry-run", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("changed").GetBoolean().ShouldBeTrue();
        var settings = json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("setting").GetString()).ToList();
        settings.ShouldContain("required checks");
        settings.ShouldContain("repository: allow auto-merge");
        github.Requests.ShouldAllBe(r => r.Method == "GET");
    }

    [Fact]
    public async Task Protect_Apply_PutsTheSeedsProtectionWithTheGateCheck()
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        var config = DefaultConfig.Load();
        await using var github = Unprotected();

        var result = await CliRunner.RunAsync(dir.Path, github.Env, "protect", "--forge", "github:o/r");

        result.ExitCode.ShouldBe(0, result.ToString());
        var put = github.Requests.Single(r => r.Method == "PUT");
        put.Path.ShouldBe($"/repos/o/r/branches/{config.Protections.Branch}/protection");
        using var body = JsonDocument.Parse(put.Body);
        var contexts = body.RootElement.GetProperty("required_status_checks").GetProperty("contexts").EnumerateArray().Select(c => c.GetString()).ToList();
        contexts.ShouldContain("autoship/gate");
        config.Validation.RequiredChecks.Except(contexts).ShouldBeEmpty();
        body.RootElement.GetProperty("required_pull_request_reviews").GetProperty("required_approving_review_count").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        body.RootElement.GetProperty("allow_force_pushes").GetBoolean().ShouldBeFalse();
        github.Requests.ShouldContain(r => r.Method == "PATCH" && r.Body.Contains("allow_auto_merge", StringComparison.Ordinal));
    }
}
