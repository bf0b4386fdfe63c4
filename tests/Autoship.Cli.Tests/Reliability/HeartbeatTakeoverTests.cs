using System.Diagnostics;
using System.Globalization;
using Autoship.Core;
using Autoship.Forge;
using Autoship.Forge.Git;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// A claim held on another host: real <c>autoship tick</c> processes that count as two hosts (the test hook
/// <c>AUTOSHIP_TEST_HOST</c>, so neither can prove the other dead), each with its own store. While host A's tick runs its
/// agent inline it renews the claim ref every loop.claimHeartbeat, and host B leaves it alone; once A is killed with
/// SIGKILL and its heartbeat is older than the TTL (3 × the interval), B takes the claim over and re-runs the attempt —
/// not after loop.claimTimeout (2 h) — and nothing is done twice.
/// </summary>
public sealed class HeartbeatTakeoverTests(ITestOutputHelper output)
{
    private const string Ref = "refs/autoship/claims/1/1";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    // The first run hangs (its tick is killed meanwhile) until the test lets it go; later runs write the note at once.
    private const string AgentScript = """
        #!/usr/bin/env bash
        echo "run $$" >> "$AGENT_LOG"
        if [ "$(wc -l < "$AGENT_LOG")" -eq 1 ]; then
          for _ in $(seq 3000); do [ -e "$AGENT_GATE" ] && break; [ -d "${AGENT_GATE%/*}" ] || exit 0; sleep 0.2; done
        fi
        mkdir -p docs
        printf '# Note 1\nRun `bash scripts/test.sh` before you open a pull request.\n' > docs/note-1.md
        echo "done $$" >> "$AGENT_LOG"
        """;

    [Fact]
    public async Task ClaimOnAnotherHost_KeptWhileItsHeartbeatIsFresh_TakenOverOnceItIsStale()
    {
        using var forge = await CampaignForge.CreateAsync(issues: 1);
        var agent = Path.Combine(forge.Root, "docs-agent");
        await File.WriteAllTextAsync(agent, AgentScript.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(agent, (UnixFileMode)0b111_101_101);
        var config = await File.ReadAllTextAsync(forge.ConfigFile);
        config.ShouldContain("  claimTimeout: 2h");
        config = config.Replace("  claimTimeout: 2h", "  claimTimeout: 2h\n  claimHeartbeat: 10s", StringComparison.Ordinal);
        await File.WriteAllTextAsync(forge.ConfigFile, InlineAgentKillTests.WithCommandAgent(config, agent));
        var log = Path.Combine(forge.Root, "agent.log");
        var gate = Path.Combine(forge.Root, "agent.gate");
        try
        {
            using var holder = forge.StartTick(Host(forge, "a", log, gate), Store(forge, "a"));
            var holderOutput = CampaignForge.WaitAsync(holder);
            await WaitForAsync(() => File.Exists(log) && File.ReadAllLines(log).Length == 1, holder, "the agent never started");
            var made = await ReadClaimAsync(forge);
            made.HeartbeatInterval.ShouldBe(Interval, "an inline agent's claim promises the configured heartbeat");
            await WaitForAsync(() => ReadClaimAsync(forge).GetAwaiter().GetResult().Renewed > made.Renewed, holder, "the holder never renewed its claim");

            // Host B while A's heartbeat is fresh: the claim is A's, B runs nothing.
            var whileAlive = await forge.TickAsync(Host(forge, "b", log, gate), Store(forge, "b"));
            whileAlive.ExitCode.ShouldBe(0, whileAlive.ToString());
            holder.HasExited.ShouldBeFalse("host A still works on the claim");
            whileAlive.Stdout.ShouldContain("claim-taken", customMessage: "a claim renewed by a live holder on another host is left alone: " + whileAlive.Stdout);
            whileAlive.Stdout.ShouldNotContain("claim-heartbeat-stale");
            (await File.ReadAllLinesAsync(log)).Length.ShouldBe(1, "host B ran no agent under A's live claim");

            holder.Kill(); // SIGKILL: no more renewals, and host B cannot prove the process gone.
            (await holderOutput).ExitCode.ShouldBe(137);
            var killed = Stopwatch.StartNew();
            var last = (await ReadClaimAsync(forge)).Renewed!.Value;
            // Waiting for the TTL to pass (a precondition, not an assertion on time).
            await WaitUntilAsync(() => DateTimeOffset.UtcNow - last >= ClaimHeartbeatRule.Ttl(Interval));

            var after = await forge.TickAsync(Host(forge, "b", log, gate), Store(forge, "b"));
            var recovered = killed.Elapsed.TotalSeconds;

            after.ExitCode.ShouldBe(0, after.ToString());
            after.Stdout.ShouldContain("claim-heartbeat-stale", customMessage: "the takeover is a notice of the tick: " + after.Stdout);
            after.Stdout.ShouldNotContain("claim-holder-dead", customMessage: "another host's process is never provably dead: only the heartbeat tells");
            (await forge.InvariantsAsync()).ShouldBeEmpty("host B re-ran the attempt and merged it: " + after.Stdout);
            var runs = await File.ReadAllLinesAsync(log);
            runs.Count(l => l.StartsWith("run ", StringComparison.Ordinal)).ShouldBe(2, "the killed run and exactly one re-run: " + string.Join(" | ", runs));
            runs.Count(l => l.StartsWith("done ", StringComparison.Ordinal)).ShouldBe(1, "only the re-run finished: " + string.Join(" | ", runs));
            var line = string.Create(CultureInfo.InvariantCulture,
                $"claim held on another host, holder killed mid-run: taken over after its heartbeat TTL ({ClaimHeartbeatRule.Ttl(Interval).TotalSeconds:F0} s) by 1 tick, {recovered:F1} s after the kill");
            output.WriteLine(line);
            KillCampaignTests.Report(line);
        }
        finally
        {
            await File.WriteAllTextAsync(gate, "go"); // lets the orphaned first run end
        }
    }

    private static Dictionary<string, string> Host(CampaignForge forge, string name, string log, string gate) => new()
    {
        ["AUTOSHIP_TEST_HOST"] = "host-" + name,
        ["AUTOSHIP_STATE_DIR"] = Path.Combine(forge.Root, "state-" + name),
        ["AGENT_LOG"] = log,
        ["AGENT_GATE"] = gate,
    };

    private static string Store(CampaignForge forge, string name) => Path.Combine(forge.Root, $"state-{name}.db");

    private static async Task<ClaimResult> ReadClaimAsync(CampaignForge forge)
    {
        var text = await GitCli.RunAsync(Path.Combine(forge.Directory, "repo.git"), "cat-file", "-p", Ref);
        return ForgeClaim.Read(text, 0);
    }

    /// <summary>Polls until <paramref name="done"/>; fails when the tick exits first or nothing happens for minutes (a hang guard).</summary>
    private static async Task WaitForAsync(Func<bool> done, Process tick, string never)
    {
        for (var i = 0; i < 1500 && !SafelyDone(done); i++)
        {
            tick.HasExited.ShouldBeFalse("the tick ended early: " + never);
            await Task.Delay(200);
        }

        SafelyDone(done).ShouldBeTrue(never);
    }

    private static bool SafelyDone(Func<bool> done)
    {
        try
        {
            return done();
        }
        catch (GitException)
        {
            return false; // the claim ref is not there yet
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 3000 && !done(); i++)
        {
            await Task.Delay(200);
        }

        done().ShouldBeTrue("the TTL never passed (hang guard)");
    }
}
