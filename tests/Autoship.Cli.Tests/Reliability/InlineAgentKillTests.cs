using System.Diagnostics;
using System.Globalization;
using Autoship.Forge;
using Autoship.Forge.Git;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// A real <c>autoship tick</c> killed with SIGKILL while its (command) agent runs inside it (executor inline): the
/// claim is recorded on the issue (state comment, label, claim ref), yet nothing works on it any more. The next tick
/// on this host re-runs the attempt at once — not after loop.claimTimeout — whether it is the same orchestrator or
/// another one with its own store, and nothing is done twice (one PR, one commit on main, one completed agent run).
/// </summary>
public sealed class InlineAgentKillTests(ITestOutputHelper output)
{
    // The first run hangs (its tick is killed meanwhile) until the test lets it go; later runs write the note at once.
    private const string AgentScript = """
        #!/usr/bin/env bash
        echo "run $$" >> "$AGENT_LOG"
        if [ "$(wc -l < "$AGENT_LOG")" -eq 1 ]; then
          # Bounded, and it ends as soon as the test's directory is gone (the orphan outlives its tick).
          for _ in $(seq 3000); do [ -e "$AGENT_GATE" ] && break; [ -d "${AGENT_GATE%/*}" ] || exit 0; sleep 0.2; done
        fi
        mkdir -p docs
        printf '# Note 1\nRun `bash scripts/test.sh` before you open a pull request.\n' > docs/note-1.md
        echo "done $$" >> "$AGENT_LOG"
        """;

    [Theory]
    [InlineData("another orchestrator")]
    [InlineData("the same orchestrator")]
    public async Task Tick_KilledWhileItsInlineAgentRuns_NextTickReRunsTheAttemptAtOnce(string next)
    {
        using var forge = await CampaignForge.CreateAsync(issues: 1);
        var agent = Path.Combine(forge.Root, "docs-agent");
        await File.WriteAllTextAsync(agent, AgentScript.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(agent, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(forge.ConfigFile, WithCommandAgent(await File.ReadAllTextAsync(forge.ConfigFile), agent));
        var log = Path.Combine(forge.Root, "agent.log");
        var gate = Path.Combine(forge.Root, "agent.gate");
        try
        {
            using var killed = forge.StartTick(Orchestrator(forge, "a", log, gate), Store(forge, "a"));
            var output1 = CampaignForge.WaitAsync(killed);
            await WaitForAsync(() => File.Exists(log) && File.ReadAllLines(log).Length == 1, killed);
            killed.Kill(); // SIGKILL of the tick alone: its agent is left orphaned, as kill -9 leaves it.
            (await output1).ExitCode.ShouldBe(137, "the tick was killed with SIGKILL while its agent ran");
            (await ClaimRefsAsync(forge)).ShouldBe(["refs/autoship/claims/1/1"], "the attempt is claimed on the forge");

            var watch = Stopwatch.StartNew();
            var name = next == "the same orchestrator" ? "a" : "b";
            var after = await forge.TickAsync(Orchestrator(forge, name, log, gate), Store(forge, name));
            var seconds = watch.Elapsed.TotalSeconds;

            after.ExitCode.ShouldBe(0, after.ToString());
            after.Stdout.ShouldNotContain("claim-taken", customMessage: "the dead holder's claim must not wait for loop.claimTimeout: " + after.Stdout);
            if (name == "b")
            {
                after.Stdout.ShouldContain("claim-holder-dead", customMessage: "the takeover is a decision whose reason the tick shows among its notices: " + after.Stdout);
            }

            (await forge.InvariantsAsync()).ShouldBeEmpty("the next tick re-ran the attempt and merged it: " + after.Stdout);
            var runs = await File.ReadAllLinesAsync(log);
            runs.Count(l => l.StartsWith("run ", StringComparison.Ordinal)).ShouldBe(2, "the killed run and exactly one re-run: " + string.Join(" | ", runs));
            runs.Count(l => l.StartsWith("done ", StringComparison.Ordinal)).ShouldBe(1, "only the re-run finished (the orphan still waits): " + string.Join(" | ", runs));
            var line = string.Create(CultureInfo.InvariantCulture, $"inline agent killed mid-run, next tick by {next}: recovered in 1 tick, {seconds:F1} s");
            output.WriteLine(line);
            KillCampaignTests.Report(line);
        }
        finally
        {
            await File.WriteAllTextAsync(gate, "go"); // lets the orphaned first run end
        }
    }

    internal static string WithCommandAgent(string config, string agent) => CommandAgentConfig.With(config, agent, "[AGENT_LOG, AGENT_GATE]");

    private static Dictionary<string, string> Orchestrator(CampaignForge forge, string name, string log, string gate) => new()
    {
        ["AUTOSHIP_STATE_DIR"] = Path.Combine(forge.Root, "state-" + name),
        ["AGENT_LOG"] = log,
        ["AGENT_GATE"] = gate,
    };

    private static string Store(CampaignForge forge, string name) => Path.Combine(forge.Root, $"state-{name}.db");

    private static async Task<string[]> ClaimRefsAsync(CampaignForge forge) =>
        (await GitCli.RunAsync(Path.Combine(forge.Directory, "repo.git"), "for-each-ref", "--format=%(refname)", ForgeClaim.RefPrefix))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Polls until <paramref name="done"/>; fails when the tick exits first or nothing happens for minutes (a hang guard, not a timing check).</summary>
    private static async Task WaitForAsync(Func<bool> done, Process tick)
    {
        for (var i = 0; i < 1500 && !done(); i++)
        {
            tick.HasExited.ShouldBeFalse("the tick ended before its agent started");
            await Task.Delay(200);
        }

        done().ShouldBeTrue("the agent never started");
    }
}
