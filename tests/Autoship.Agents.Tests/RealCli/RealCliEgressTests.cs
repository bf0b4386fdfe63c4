using Autoship.Agents.Tests.Egress;
using Autoship.Agents.Tests.FakeModel;
using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests.RealCli;

/// <summary>
/// Every installed CLI (claude, codex, opencode, gemini, qwen) under bwrap with <c>network: allow-list</c>: it reaches
/// the fake model only through the harness's egress proxy (the sandbox has no network of its own); a shell call of the
/// agent to another loopback port is refused by the proxy and logged (codex's shell has no network at all); codex against a dead
/// endpoint (which it retries forever, printing "waiting for network") is stopped with <c>model-unreachable</c>.
/// </summary>
public sealed class RealCliEgressTests
{
    private static async Task RequireBwrapAsync()
    {
        if (!(await BubblewrapSandbox.ProbeAsync(TestContext.Current.CancellationToken)).Ok)
        {
            Assert.Skip("bubblewrap cannot create a sandbox on this machine");
        }
    }

    public static TheoryData<string> AllowListClis => new() { "claude", "codex", "gemini", "qwen", "opencode" };

    [Theory]
    [MemberData(nameof(AllowListClis))]
    public async Task RunAuthorAsync_RealCliAllowList_ReachesTheModelThroughTheProxyOtherPortRefused(string preset)
    {
        RealAgents.RequireInstalled(preset);
        await RequireBwrapAsync();
        await using var other = new LoopbackUpstream();
        // No command substitution: gemini's shell tool refuses `$(…)` (and then changes nothing).
        var shell = $"curl -s -o /dev/null -w 'other=%{{http_code}}\\n' http://127.0.0.1:{other.Port}/ > docs/egress.txt || echo other=refused >> docs/egress.txt";
        var (h, model, agent) = await RealAgents.SetUpAsync(preset, FakeScript.Run(shell), preset + "-agent", SandboxKind.Bwrap);
        using var _ = h;
        await using var __ = model;
        agent = agent with { Egress = [] };

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        var log = File.ReadAllText(result.Run.LogPath!);
        result.Outcome.ShouldBe(AttemptOutcome.Committed, $"{result.Run.ExitReason}\n{log}");
        model.Requests.ShouldNotBeEmpty();
        result.Run.CommandLine.ShouldContain("--unshare-net");
        other.Heads.ShouldBeEmpty();
        if (preset == "codex")
        {
            // codex runs its shell in its own network-less sandbox; the proxy still refuses its calls home.
            result.Run.EgressRefused.ShouldContain("CONNECT chatgpt.com:443");
        }
        else
        {
            // claude's, opencode's, gemini's and qwen's shell tools inherit the proxy variables: curl asks the proxy, which refuses.
            result.Run.EgressRefused.ShouldContain($"GET 127.0.0.1:{other.Port}");
        }

        result.Run.EgressRefused.ShouldNotContain(r => r.EndsWith($":{model.Port}", StringComparison.Ordinal));
        if (preset == "opencode")
        {
            // The preset's switches (no plugins, no auto-update, no models.dev fetch, the bundled provider package)
            // leave opencode nothing to fetch from npm: no call to registry.npmjs.org reaches the proxy at all.
            result.Run.EgressRefused.ShouldBe([$"GET 127.0.0.1:{other.Port}"], log);
        }

        result.Files.Select(f => f.Path).ShouldBe(["docs/egress.txt"]);
        log.Split('\n').ShouldContain(l => l.StartsWith("# egress allow-list: ", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{model.Port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAuthorAsync_RealCodexDeadEndpoint_StoppedAsModelUnreachable()
    {
        RealAgents.RequireInstalled("codex");
        await RequireBwrapAsync();
        using var h = await Harness.CreateAsync();
        var dead = LoopbackUpstream.ClosedPort();
        var creds = RealAgents.Credentials("codex", $"http://127.0.0.1:{dead}");
        foreach (var (k, v) in creds)
        {
            h.Env[k] = v;
        }

        h.Env["PATH"] = RealAgents.Bin + ":" + h.Env["PATH"];
        var agent = RealAgents.Agent("codex-agent", "codex", creds, SandboxKind.Bwrap) with
        {
            Egress = [],
            Timeout = TimeSpan.FromMinutes(20),
            Inactivity = TimeSpan.FromMinutes(20),
        };

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed, File.ReadAllText(result.Run.LogPath!));
        var reason = result.Reasons.ShouldHaveSingleItem();
        reason.Code.ShouldBe("model-unreachable");
        reason.Message.ShouldContain($"127.0.0.1:{dead} could not be reached");
        FailureClassifier.Classify(result.Reasons, string.Empty).Code.ShouldBe("model-unreachable");
    }
}
