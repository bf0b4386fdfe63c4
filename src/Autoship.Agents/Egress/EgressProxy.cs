using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Autoship.Core.Config;

namespace Autoship.Agents.Egress;

/// <summary>
/// The harness's egress proxy for one run (issue 14 item 4, like Copilot's agent firewall): it listens on a Unix socket
/// that is the sandboxed agent's only way out (bwrap <c>--unshare-net</c> leaves the agent its own loopback; the relay
/// inside forwards to this socket). It serves HTTP <c>CONNECT host:port</c> (TLS) and absolute-form plain HTTP requests,
/// lets through only the hosts of its allow-list and refuses the rest with 403, each refusal recorded. After
/// <see cref="UnreachableAfter"/> consecutive failures to reach an allowed host it completes <see cref="Unreachable"/>,
/// so the runner can stop an agent that would otherwise retry a dead model endpoint until its timeout.
/// </summary>
public sealed class EgressProxy : IAsyncDisposable
{
    public const int UnreachableAfter = 3;

    private const int MaxHeaderBytes = 32 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket listener;
    private readonly IReadOnlyList<string> allowed;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<string> unreachable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> refusals = [];
    private readonly List<string> failures = [];
    private readonly Lock gate = new();
    private readonly Task accepting;
    private int consecutiveFailures;

    private EgressProxy(string socketPath, IReadOnlyList<string> allowed)
    {
        SocketPath = socketPath;
        this.allowed = allowed;
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(64);
        accepting = AcceptLoopAsync();
    }

    public string SocketPath { get; }

    /// <summary>The allow-list entries (see <see cref="EgressHosts"/>).</summary>
    public IReadOnlyList<string> Allowed => allowed;

    /// <summary>Completes with a message once allowed hosts failed <see cref="UnreachableAfter"/> times in a row.</summary>
    public Task<string> Unreachable => unreachable.Task;

    /// <summary>Requests refused because their host is not on the allow-list (<c>CONNECT evil.example:443</c>, …).</summary>
    public IReadOnlyList<string> Refusals
    {
        get
        {
            lock (gate)
            {
                return [.. refusals];
            }
        }
    }

    /// <summary>Allowed destinations that could not be reached, with the error.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (gate)
            {
                return [.. failures];
            }
        }
    }

    /// <summary>Starts a proxy on a new socket at <paramref name="socketPath"/> (which must not exist; at most 107 bytes).</summary>
    public static EgressProxy Start(string socketPath, IReadOnlyList<string> allowed) => new(socketPath, allowed);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
        try
        {
            File.Delete(SocketPath);
        }
        catch (IOException)
        {
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var _ = client;
        await using var down = new NetworkStream(client, ownsSocket: false);
        try
        {
            var (head, rest) = await ReadHeadAsync(down, stop.Token);
            if (head is null)
            {
                return;
            }

            var request = EgressRequest.Parse(head);
            if (request is null)
            {
                await ReplyAsync(down, 400, "Bad Request", "autoship egress: not an HTTP proxy request");
                return;
            }

            if (!EgressHosts.Allows(allowed, request.Host, request.Port))
            {
                lock (gate)
                {
                    refusals.Add($"{request.Method} {request.Host}:{request.Port.ToString(CultureInfo.InvariantCulture)}");
                }

                await ReplyAsync(down, 403, "Forbidden", $"autoship egress: {request.Host}:{request.Port} is not on this agent's allow-list");
                return;
            }

            using var upstream = new TcpClient();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(ConnectTimeout);
                await upstream.ConnectAsync(request.Host, request.Port, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !stop.IsCancellationRequested)
            {
                Failed(request, e is SocketException s ? s.SocketErrorCode.ToString() : "timed out");
                await ReplyAsync(down, 502, "Bad Gateway", $"autoship egress: cannot reach {request.Host}:{request.Port}");
                return;
            }

            Interlocked.Exchange(ref consecutiveFailures, 0);
            await using var up = upstream.GetStream();
            if (request.IsConnect)
            {
                await down.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), stop.Token);
            }
            else
            {
                await up.WriteAsync(Encoding.Latin1.GetBytes(request.OriginForm()), stop.Token);
            }

            if (rest.Length > 0)
            {
                await up.WriteAsync(rest, stop.Token);
            }

            // Either side closing ends the tunnel (plain requests are sent with Connection: close).
            await Task.WhenAny(down.CopyToAsync(up, stop.Token), up.CopyToAsync(down, stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The agent or the upstream went away; nothing to answer.
        }
    }

    private void Failed(EgressRequest request, string error)
    {
        lock (gate)
        {
            failures.Add($"{request.Host}:{request.Port.ToString(CultureInfo.InvariantCulture)} ({error})");
        }

        if (Interlocked.Increment(ref consecutiveFailures) >= UnreachableAfter)
        {
            unreachable.TrySetResult($"{request.Host}:{request.Port} could not be reached {UnreachableAfter} times in a row ({error}); the model endpoint is down or wrong");
        }
    }

    private static async Task<(string? Head, byte[] Remainder)> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeaderBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (n == 0)
            {
                return (null, []);
            }

            filled += n;
            var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.Latin1.GetString(buffer, 0, end + 4), buffer[(end + 4)..filled]);
            }
        }

        return (null, []);
    }

    private async Task ReplyAsync(Stream stream, int status, string phrase, string body)
    {
        var text = $"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} {phrase}\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.UTF8.GetByteCount(body + "\n").ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n{body}\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), stop.Token);
    }
}
