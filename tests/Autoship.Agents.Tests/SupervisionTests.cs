using System.Globalization;
using Autoship.Core;

namespace Autoship.Agents.Tests;

/// <summary>Limits on real processes: inactivity, total time, output flood, cancellation; the whole tree dies.</summary>
public sealed class SupervisionTests
{
    [Fact]
    public async Task RunAuthorAsync_SilentHungAgent_KilledAtInactivityLimitWithChildren()
    {
        using var h = await Harness.CreateAsync();
        // The orphan's parent subshell exits at once, so it is no longer in the process tree; only its process group finds it.
        h.Script("agent", "sleep 300 & echo $! > \"$R/child\"; (sleep 300 & echo $! > \"$R/orphan\"); sleep 300");
        var agent = Fixtures.Agent(command: ["agent"], timeout: TimeSpan.FromSeconds(60), inactivity: TimeSpan.FromSeconds(1));

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.TimedOut);
        result.Reasons.Single().Message.ShouldContain("inactivity");
        Harness.IsDead(int.Parse(h.Recorded("child").Trim(), CultureInfo.InvariantCulture)).ShouldBeTrue();
        Harness.IsDead(int.Parse(h.Recorded("orphan").Trim(), CultureInfo.InvariantCulture)).ShouldBeTrue();
    }

    [Fact]
    public async Task RunAuthorAsync_ChattyEndlessAgent_KilledAtTotalTimeLimit()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo $$ > \"$R/pid\"; while true; do echo tick; sleep 0.1; done");
        var agent = Fixtures.Agent(command: ["agent"], timeout: TimeSpan.FromSeconds(2), inactivity: TimeSpan.FromSeconds(60));

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.TimedOut);
        result.Reasons.Single().Message.ShouldContain("time limit");
        Harness.IsDead(int.Parse(h.Recorded("pid").Trim(), CultureInfo.InvariantCulture)).ShouldBeTrue();
        File.ReadAllText(result.Run.LogPath!).ShouldContain("tick");
    }

    [Fact]
    public async Task RunAuthorAsync_OutputFlood_CutAtLimit()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo $$ > \"$R/pid\"; yes flood");
        const long limit = 64 * 1024;

        var result = await h.Runner(outputLimit: limit).RunAuthorAsync(h.Author(Fixtures.Order(), Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.Single().Code.ShouldBe("agent.output-limit");
        new FileInfo(result.Run.LogPath!).Length.ShouldBeLessThan(limit + 4096);
        Harness.IsDead(int.Parse(h.Recorded("pid").Trim(), CultureInfo.InvariantCulture)).ShouldBeTrue();
    }

    [Fact]
    public async Task RunAuthorAsync_Cancelled_KillsAgentAndReturnsCancelled()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo $$ > \"$R/pid\"; echo x >> docs/guide.md; sleep 300");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var pidFile = Path.Combine(h.Record, "pid");
        using var watcher = new FileSystemWatcher(h.Record) { EnableRaisingEvents = true };
        watcher.Changed += (_, e) => { if (e.FullPath == pidFile) { cts.Cancel(); } };
        watcher.Created += (_, e) => { if (e.FullPath == pidFile) { cts.Cancel(); } };
        var order = Fixtures.Order();

        var result = await h.Runner().RunAuthorAsync(h.Author(order, Fixtures.Agent(command: ["agent"])), cts.Token);

        result.Outcome.ShouldBe(AttemptOutcome.Cancelled);
        result.CommitSha.ShouldBeNull();
        (await h.BranchAsync(order)).ShouldBeNull();
        Harness.IsDead(int.Parse(h.Recorded("pid").Trim(), CultureInfo.InvariantCulture)).ShouldBeTrue();
        Directory.GetDirectories(Path.Combine(h.State, "worktrees")).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAuthorAsync_AgentPrintsSecrets_LogIsRedacted()
    {
        using var h = await Harness.CreateAsync();
        h.Env["OPENAI_API_KEY"] = "sk-proj-0123456789abcdefghij";
        h.Script("agent", "echo \"key=$OPENAI_API_KEY\"; echo 'found ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123 in history'; printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEKEYBODY\\n-----END OPENSSH PRIVATE KEY-----\\n'; echo x >> docs/guide.md");
        var agent = Fixtures.Agent(command: ["agent"], env: ["AGENT_RECORD", "OPENAI_API_KEY"]);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        var log = File.ReadAllText(result.Run.LogPath!);
        log.ShouldContain("key=" + SecretRedactor.Mask);
        log.ShouldNotContain("sk-proj-0123456789abcdefghij");
        log.ShouldNotContain("ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123");
        // The key's body (distinct from anything a random temporary path could spell, as "AAAA" was).
        log.ShouldNotContain("b3BlbnNzaC1rZXktdjEKEYBODY");
    }
}
