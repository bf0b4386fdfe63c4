using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

/// <summary><c>network: false | true | allow-list</c>, the <c>egress</c> hosts, and how an allow-list entry matches.</summary>
public sealed class EgressConfigTests
{
    [Theory]
    [InlineData("network: false,", false, false)]
    [InlineData("network: true,", true, false)]
    [InlineData("network: allow-list, sandbox: bwrap,", true, true)]
    public void Network_Modes_Read(string keys, bool network, bool allowList)
    {
        var result = ConfigYaml.Load(ConfigYaml.With("name: author-b,", "name: author-b, " + keys));

        result.Errors.ShouldBeEmpty();
        var agent = result.Config!.Agent("author-b")!;
        agent.Network.ShouldBe(network);
        (agent.Egress is not null).ShouldBe(allowList);
    }

    [Fact]
    public void Egress_Hosts_ReadWithAllowList()
    {
        var result = ConfigYaml.Load(ConfigYaml.With("name: author-b,", "name: author-b, network: allow-list, sandbox: bwrap, egress: [registry.npmjs.org, \"pypi.org:443\"],"));

        result.Errors.ShouldBeEmpty();
        result.Config!.Agent("author-b")!.Egress.ShouldBe(["registry.npmjs.org", "pypi.org:443"]);
    }

    [Theory]
    [InlineData("network: allow-list,", "needs sandbox: bwrap")]
    [InlineData("network: true, egress: [pypi.org],", "only apply with network: allow-list")]
    [InlineData("network: allow-list, sandbox: bwrap, egress: [\"http://pypi.org\"],", "must be a host name")]
    [InlineData("network: everything,", "unknown network mode 'everything'")]
    public void Egress_Mistakes_ErrorOnTheKey(string keys, string message)
    {
        var result = ConfigYaml.Load(ConfigYaml.With("name: author-b,", "name: author-b, " + keys));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", result.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("api.anthropic.com:443", "api.anthropic.com", 443, true)]
    [InlineData("api.anthropic.com:443", "API.Anthropic.com", 443, true)]
    [InlineData("api.anthropic.com:443", "api.anthropic.com", 80, false)]
    [InlineData("api.anthropic.com:443", "api.anthropic.com.evil.example", 443, false)]
    [InlineData("registry.npmjs.org", "registry.npmjs.org", 443, true)]
    [InlineData("registry.npmjs.org", "registry.npmjs.org", 80, true)]
    [InlineData("registry.npmjs.org", "registry.npmjs.org", 8080, false)]
    [InlineData("*.googleapis.com", "generativelanguage.googleapis.com", 443, true)]
    [InlineData("*.googleapis.com", "googleapis.com", 443, false)]
    [InlineData("*.googleapis.com", "evilgoogleapis.com", 443, false)]
    [InlineData("127.0.0.1:8123", "127.0.0.1", 8123, true)]
    [InlineData("127.0.0.1:8123", "127.0.0.1", 8124, false)]
    [InlineData("127.0.0.1:8123", "localhost", 8123, false)]
    public void Allows_Entry_MatchesHostAndPortExactly(string entry, string host, int port, bool allowed) =>
        EgressHosts.Allows([entry], host, port).ShouldBe(allowed);

    [Theory]
    [InlineData("http://127.0.0.1:4010/v1", "127.0.0.1:4010")]
    [InlineData("https://api.openai.com/v1", "api.openai.com:443")]
    [InlineData("http://model.internal", "model.internal:80")]
    [InlineData("not a url", null)]
    [InlineData("file:///etc/passwd", null)]
    public void FromUrl_EndpointVariable_HostAndPort(string url, string? entry) => EgressHosts.FromUrl(url).ShouldBe(entry);

    [Theory]
    [InlineData("registry.npmjs.org", true)]
    [InlineData("pypi.org:443", true)]
    [InlineData("*.npmjs.org", true)]
    [InlineData("pypi.org:0", false)]
    [InlineData("pypi.org:70000", false)]
    [InlineData("https://pypi.org", false)]
    [InlineData("*", false)]
    [InlineData("a b", false)]
    public void IsValid_Entry(string entry, bool valid) => EgressHosts.IsValid(entry).ShouldBe(valid);
}
