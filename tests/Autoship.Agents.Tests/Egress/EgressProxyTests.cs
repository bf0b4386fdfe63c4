using System.Net.Sockets;
using System.Text;
using Autoship.Agents.Egress;

namespace Autoship.Agents.Tests.Egress;

/// <summary>The harness's egress proxy on its Unix socket: allowed hosts pass (plain and CONNECT), the rest is refused and recorded, a dead endpoint is reported.</summary>
public sealed class EgressProxyTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    private string Socket() => Path.Combine(System.IO.Path.GetTempPath(), $"egress-test-{Guid.NewGuid():N}"[..30] + ".sock");

    private static async Task<(string Response, NetworkStream Stream, Socket Socket)> SendAsync(string socketPath, string request)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), TestContext.Current.CancellationToken);
        var stream = new NetworkStream(socket, ownsSocket: true);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        return (await LoopbackUpstream.ReadHeadAsync(stream), stream, socket);
    }

    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PlainRequest_AllowedHost_ReachesItInOriginFormWithConnectionClose()
    {
        await using var upstream = new LoopbackUpstream();
        await using var proxy = EgressProxy.Start(Socket(), [$"127.0.0.1:{upstream.Port}"]);

        var (head, stream, _) = await SendAsync(proxy.SocketPath, $"POST http://127.0.0.1:{upstream.Port}/v1/messages?beta=true HTTP/1.1\r\nHost: 127.0.0.1:{upstream.Port}\r\nProxy-Connection: keep-alive\r\nContent-Length: 2\r\n\r\nhi");
        await using var _s = stream;

        head.ShouldStartWith("HTTP/1.1 200 OK");
        (await ReadToEndAsync(stream)).ShouldBe("hello");
        var seen = upstream.Heads.ShouldHaveSingleItem();
        seen.ShouldStartWith("POST /v1/messages?beta=true HTTP/1.1\r\n");
        seen.ShouldContain("Connection: close");
        seen.ShouldNotContain("Proxy-Connection", Case.Insensitive);
        proxy.Refusals.ShouldBeEmpty();
    }

    [Fact]
    public async Task Connect_AllowedHost_TunnelsBytes()
    {
        await using var upstream = new LoopbackUpstream();
        await using var proxy = EgressProxy.Start(Socket(), [$"127.0.0.1:{upstream.Port}"]);

        var (head, stream, _) = await SendAsync(proxy.SocketPath, $"CONNECT 127.0.0.1:{upstream.Port} HTTP/1.1\r\nHost: 127.0.0.1:{upstream.Port}\r\n\r\n");
        await using var _s = stream;
        await stream.WriteAsync("GET /inside HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);

        head.ShouldStartWith("HTTP/1.1 200");
        (await ReadToEndAsync(stream)).ShouldEndWith("hello");
        upstream.Heads.ShouldHaveSingleItem().ShouldStartWith("GET /inside HTTP/1.1");
    }

    [Theory]
    [InlineData("CONNECT {0}:{1} HTTP/1.1\r\n\r\n", "CONNECT")]
    [InlineData("GET http://{0}:{1}/ HTTP/1.1\r\n\r\n", "GET")]
    [InlineData("GET http://localhost:{1}/ HTTP/1.1\r\n\r\n", "GET")]
    public async Task Request_HostNotOnTheList_RefusedWith403AndRecorded(string template, string method)
    {
        await using var upstream = new LoopbackUpstream();
        var other = LoopbackUpstream.ClosedPort();
        await using var proxy = EgressProxy.Start(Socket(), [$"127.0.0.1:{other}", "api.anthropic.com:443"]);
        var request = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "127.0.0.1", upstream.Port);

        var (head, stream, _) = await SendAsync(proxy.SocketPath, request);
        await using var _s = stream;

        head.ShouldStartWith("HTTP/1.1 403");
        (await ReadToEndAsync(stream)).ShouldContain("not on this agent's allow-list");
        upstream.Heads.ShouldBeEmpty();
        proxy.Refusals.ShouldHaveSingleItem().ShouldStartWith(method + " ");
        proxy.Refusals[0].ShouldEndWith($":{upstream.Port}");
    }

    [Fact]
    public async Task NotAProxyRequest_Is400()
    {
        await using var proxy = EgressProxy.Start(Socket(), ["example.com"]);

        var (head, stream, _) = await SendAsync(proxy.SocketPath, "GET /relative HTTP/1.1\r\nHost: example.com\r\n\r\n");
        await using var _s = stream;

        head.ShouldStartWith("HTTP/1.1 400");
        proxy.Refusals.ShouldBeEmpty();
    }

    [Fact]
    public async Task AllowedButDead_ReportsUnreachableAfterConsecutiveFailures()
    {
        var dead = LoopbackUpstream.ClosedPort();
        await using var proxy = EgressProxy.Start(Socket(), [$"127.0.0.1:{dead}"]);

        for (var i = 1; i <= EgressProxy.UnreachableAfter; i++)
        {
            proxy.Unreachable.IsCompleted.ShouldBeFalse($"after {i - 1} failures");
            var (head, stream, _) = await SendAsync(proxy.SocketPath, $"GET http://127.0.0.1:{dead}/v1 HTTP/1.1\r\n\r\n");
            await stream.DisposeAsync();
            head.ShouldStartWith("HTTP/1.1 502");
        }

        (await proxy.Unreachable.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).ShouldContain($"127.0.0.1:{dead}");
        proxy.Failures.Count.ShouldBe(EgressProxy.UnreachableAfter);
    }

    [Fact]
    public async Task AllowedButDead_ASuccessInBetweenResetsTheCount()
    {
        await using var upstream = new LoopbackUpstream();
        var dead = LoopbackUpstream.ClosedPort();
        await using var proxy = EgressProxy.Start(Socket(), [$"127.0.0.1:{dead}", $"127.0.0.1:{upstream.Port}"]);

        foreach (var port in new[] { dead, dead, upstream.Port, dead, dead })
        {
            var (_, stream, _) = await SendAsync(proxy.SocketPath, $"GET http://127.0.0.1:{port}/ HTTP/1.1\r\n\r\n");
            await ReadToEndAsync(stream);
        }

        proxy.Unreachable.IsCompleted.ShouldBeFalse();
        proxy.Failures.Count.ShouldBe(4);
    }
}
