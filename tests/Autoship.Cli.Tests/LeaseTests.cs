using System.Text.Json;
using Autoship.Engine.Demo;

namespace Autoship.Cli.Tests;

/// <summary>Two orchestrators started together on one forge never both act: one holds the lease, the other reports it.</summary>
public sealed class LeaseTests
{
    private const string Body = """
        Add a FAQ.

        ```diff
        diff --git a/docs/faq.md b/docs/faq.md
        new file mode 100644
        --- /dev/null
        +++ b/docs/faq.md
        @@ -0,0 +1,2 @@
        +# FAQ
        +Run `bash scripts/test.sh` before you open a pull request.
        ```

        """;

    [Fact]
    public async Task Tick_TwoProcessesStartedTogether_ExactlyOneActsAndTheOtherReportsLeaseBusy()
    {
        using var temp = new TempDir();
        var forge = temp.Combine("forge");
        (await CliRunner.RunAsync(temp.Path, "local", "init", forge, "--sample")).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(temp.Combine("body.md"), Body);
        await File.WriteAllTextAsync(temp.Combine("autoship.yml"), DemoRunner.DemoConfig());
        var created = await CliRunner.RunAsync(temp.Path, "local", "issue", "create", "--forge", forge, "--title", "Docs: add a FAQ", "--body-file", temp.Combine("body.md"),
            "--label", "autonomy:ready", "--label", "autonomy:safe", "--label", "area:docs", "--label", "risk:low");
        created.ExitCode.ShouldBe(0, created.ToString());

        string[] tick = ["tick", "--forge", "local:" + forge, "--config", temp.Combine("autoship.yml"), "--json"];
        var results = await Task.WhenAll(CliRunner.RunAsync(temp.Path, tick), CliRunner.RunAsync(temp.Path, tick));

        var reports = results.Select(r =>
        {
            r.ExitCode.ShouldBe(0, r.ToString());
            return JsonDocument.Parse(r.Stdout).RootElement;
        }).ToList();
        var outcomes = reports.Select(r => r.GetProperty("outcome").GetString()).Order().ToList();
        outcomes.ShouldBe(["done", "lease-busy"], string.Join("\n\n", results.Select(r => r.ToString())));
        var worker = reports.Single(r => r.GetProperty("outcome").GetString() == "done");
        var idle = reports.Single(r => r.GetProperty("outcome").GetString() == "lease-busy");
        worker.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ShouldContain("start-attempt");
        idle.GetProperty("actions").GetArrayLength().ShouldBe(0);
        idle.GetProperty("notices").EnumerateArray().ShouldContain(n => n.GetProperty("code").GetString() == "lease-busy");

        // The attempt runs as a detached job: later ticks collect it and open its one PR.
        for (var i = 0; i < 60 && Directory.Exists(Path.Combine(forge, "autoship", "jobs")) && Directory.GetDirectories(Path.Combine(forge, "autoship", "jobs")).Length > 0; i++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            (await CliRunner.RunAsync(temp.Path, tick)).ExitCode.ShouldBe(0);
        }

        var prs = await CliRunner.RunAsync(temp.Path, "local", "pr", "list", "--forge", forge, "--state", "all", "--json");
        prs.ExitCode.ShouldBe(0, prs.ToString());
        var list = JsonDocument.Parse(prs.Stdout).RootElement;
        var items = list.ValueKind == JsonValueKind.Array ? list : list.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        items.GetArrayLength().ShouldBe(1);
    }
}
