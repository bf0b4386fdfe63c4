using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests.Egress;

/// <summary>
/// <c>network: allow-list</c> under bwrap: the agent's only way out is the harness's proxy (its own loopback, the relay,
/// the proxy's socket). Allowed hosts answer, others are refused and recorded, going around the proxy finds nothing,
/// and an agent retrying a dead model endpoint is stopped with <c>model-unreachable</c>.
/// </summary>
public sealed class EgressSandboxTests
{
    private static void RequireBwrap() =>
        BubblewrapSandbox.IsAvailable().ShouldBeTrue("bubblewrap is not installed: apt-get install -y bubblewrap");

    private static AgentDefinition Agent(params string[] egress) =>
        Fixtures.Agent(command: ["agent"], sandbox: SandboxKind.Bwrap, network: true) with { Egress = egress };

    [Fact]
    public async Task RunAuthorAsync_AllowList_AllowedHostAnswersOthersRefusedBypassFindsNothing()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        await using var allowed = new LoopbackUpstream();
        await using var other = new LoopbackUpstream();
        h.Script("agent", $$"""
            echo "allowed=$(curl -s http://127.0.0.1:{{allowed.Port}}/v1/models)"
            echo "other=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:{{other.Port}}/)"
            echo "tls=$(curl -s -o /dev/null -w '%{http_code}' https://example.com/ 2>&1)"
            echo "direct=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' http://127.0.0.1:{{allowed.Port}}/)"
            (exec 3<>/dev/tcp/127.0.0.1/{{other.Port}}) 2> /dev/null; echo "tcp=$?"
            echo x >> docs/guide.md
            """);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), Agent($"127.0.0.1:{allowed.Port}")), TestContext.Current.CancellationToken);

        var log = File.ReadAllText(result.Run.LogPath!);
        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons) + log);
        log.ShouldContain("allowed=hello");
        log.ShouldContain("other=403");
        log.ShouldContain("direct=000");
        log.ShouldContain("tcp=1");
        other.Heads.ShouldBeEmpty();
        allowed.Heads.ShouldHaveSingleItem().ShouldStartWith("GET /v1/models HTTP/1.1");
        result.Run.EgressRefused.ShouldBe([$"GET 127.0.0.1:{other.Port}", "CONNECT example.com:443"], ignoreOrder: true);
        log.ShouldContain($"# egress refused (not on the allow-list): GET 127.0.0.1:{other.Port}");
    }

    [Fact]
    public async Task RunAuthorAsync_AllowList_ModelEndpointVariableIsAllowedAndProxyVariablesSet()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        await using var model = new LoopbackUpstream();
        h.Env["ANTHROPIC_BASE_URL"] = $"http://127.0.0.1:{model.Port}";
        h.Script("agent", """
            echo "model=$(curl -s "$ANTHROPIC_BASE_URL/v1/messages")"
            echo "proxy=$HTTPS_PROXY no_proxy=[$NO_PROXY]"
            echo x >> docs/guide.md
            """);
        var agent = Agent() with { Env = ["AGENT_RECORD", "ANTHROPIC_BASE_URL"] };

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        var log = File.ReadAllText(result.Run.LogPath!);
        result.Outcome.ShouldBe(AttemptOutcome.Committed, log);
        log.ShouldContain("model=hello");
        log.ShouldContain("proxy=http://127.0.0.1:3128 no_proxy=[]");
        log.ShouldContain($"# egress allow-list: 127.0.0.1:{model.Port}");
        result.Run.EgressRefused.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAuthorAsync_AllowListDeadEndpoint_StoppedAsModelUnreachable()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        var dead = LoopbackUpstream.ClosedPort();
        // Like codex: retries forever and keeps printing, so neither the inactivity limit nor the exit ends it.
        h.Script("agent", $$"""
            while true; do curl -s -o /dev/null http://127.0.0.1:{{dead}}/v1/responses; echo "waiting for network"; sleep 0.2; done
            """);
        var agent = Agent($"127.0.0.1:{dead}") with { Timeout = TimeSpan.FromMinutes(10), Inactivity = TimeSpan.FromMinutes(10) };

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed, File.ReadAllText(result.Run.LogPath!));
        var reason = result.Reasons.ShouldHaveSingleItem();
        reason.Code.ShouldBe("model-unreachable");
        reason.Message.ShouldContain($"127.0.0.1:{dead} could not be reached");
    }

    [Fact]
    public async Task RunAuthorAsync_AllowListWithoutSandbox_RefusedNeverRunWithTheWholeNetwork()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo x >> docs/guide.md");
        var agent = Fixtures.Agent(command: ["agent"], sandbox: SandboxKind.None) with { Egress = [] };

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.ShouldHaveSingleItem().Code.ShouldBe("egress.needs-sandbox");
        h.Ran.ShouldBeFalse();
    }
}
