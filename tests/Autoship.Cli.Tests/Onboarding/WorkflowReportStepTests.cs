using System.Diagnostics;
using Autoship.Core.Config;
using YamlDotNet.RepresentationModel;

namespace Autoship.Cli.Tests.Onboarding;

/// <summary>The workflow's "Report the tick" step, run for real by bash and jq over a tick's JSON: summary table, queue health, annotations.</summary>
public sealed class WorkflowReportStepTests
{
    [Fact]
    public async Task ReportStep_TickWithAQueueHealthAlert_WritesItToTheStepSummaryAndAsAWarning()
    {
        if (!TestGit.OnPath("jq"))
        {
            Assert.Skip("jq is not installed (scripts/test.sh installs it)");
        }

        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("autoship-state"));
        File.WriteAllText(dir.Combine("autoship-state", "tick.json"), """
            {
              "tick": "t1", "outcome": "done",
              "notices": [{ "code": "stalled-handoff", "message": "stalled handoff: 3 ready items wait\nsince 2 h" }],
              "actions": [{ "kind": "merge", "issue": 7, "outcome": "failed", "message": "merge of #9 | refused", "reasons": [] }],
              "items": [],
              "health": [{ "code": "stalled-handoff", "subject": "queue", "message": "stalled handoff: 3 ready items wait\nsince 2 h" }]
            }
            """);
        var summary = dir.Combine("summary.md");

        var (code, stdout) = await BashAsync(ReportScript(), new() { ["RUNNER_TEMP"] = dir.Path, ["GITHUB_STEP_SUMMARY"] = summary });

        code.ShouldBe(0, stdout);
        var text = File.ReadAllText(summary);
        text.ShouldContain("### autoship tick: done, 1 actions");
        text.ShouldContain("| #7 | merge | failed | merge of #9   refused |");
        text.ShouldContain("#### Queue health");
        text.ShouldContain("- **stalled-handoff** (queue): stalled handoff: 3 ready items wait since 2 h");
        stdout.ShouldContain("::error title=autoship #7 merge::merge of #9 | refused");
        // A message cannot start a workflow command of its own: its line break is escaped.
        stdout.ShouldContain("::warning title=autoship stalled-handoff::stalled handoff: 3 ready items wait%0Asince 2 h");
    }

    private static string ReportScript()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(AutoshipWorkflow.For([], WorkflowSteps.DefaultVersion)));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("jobs")];
        var steps = jobs.Children.Values.OfType<YamlMappingNode>()
            .SelectMany(j => ((YamlSequenceNode)j.Children[new YamlScalarNode("steps")]).Children.OfType<YamlMappingNode>());
        var step = steps.Single(s => s.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n.ToString() == "Report the tick");
        return step.Children[new YamlScalarNode("run")].ToString();
    }

    private static async Task<(int Code, string Output)> BashAsync(string script, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-euo");
        psi.ArgumentList.Add("pipefail");
        psi.ArgumentList.Add("-s");
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var bash = Process.Start(psi)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await stdout + await stderr);
    }

}
