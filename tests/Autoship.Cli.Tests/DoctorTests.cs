using System.Text.Json;

namespace Autoship.Cli.Tests;

public sealed class DoctorTests
{
    [Fact]
    public async Task Doctor_BareRepository_FailsWithAFixForEachProblem()
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        await using var github = new DoctorLoopback();
        github.Routes["GET /repos/o/r"] = (200, """{"id":1,"name":"r","default_branch":"main","permissions":{"admin":false,"push":true,"pull":true},"owner":{"login":"o"}}""");
        github.Routes["GET /repos/o/r/labels"] = (200, "[]");
        github.Routes["POST /graphql"] = (200, """{"data":{"repository":{"object":null,"ref":null}}}""");

        var result = await CliRunner.RunAsync(dir.Path, github.Env, "doctor", "--forge", "github:o/r", "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("check").GetString()!, c => c);
        checks["labels"].GetProperty("status").GetString().ShouldBe("fail");
        checks["labels"].GetProperty("fix").GetString()!.ShouldContain("labels sync");
        checks["branch protection"].GetProperty("status").GetString().ShouldBe("fail");
        checks["scheduled workflow"].GetProperty("status").GetString().ShouldBe("fail");
        checks["validation entrypoint"].GetProperty("status").GetString().ShouldBe("fail");
        checks["token permissions"].GetProperty("status").GetString().ShouldBe("warn");
        checks["two identities"].GetProperty("status").GetString().ShouldBe("warn");
        checks.Values.Where(c => c.GetProperty("status").GetString() == "fail").ShouldAllBe(c => c.GetProperty("fix").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Doctor_Table_ListsEveryCheck()
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        await using var github = new DoctorLoopback();
        github.Routes["GET /repos/o/r/labels"] = (200, "[]");

        var result = await CliRunner.RunAsync(dir.Path, github.Env, "doctor", "--forge", "github:o/r");

        result.ExitCode.ShouldBe(1, result.ToString());
        foreach (var check in new[] { "token permissions", "labels", "branch protection", "scheduled workflow", "validation entrypoint", "agent executables", "two identities" })
        {
            result.Stdout.ShouldContain(check);
        }
    }
}
