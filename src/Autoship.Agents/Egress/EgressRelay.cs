namespace Autoship.Agents.Egress;

/// <summary>
/// The one piece that runs inside the sandbox: a node script listening on the sandbox's own 127.0.0.1:<see cref="Port"/>
/// that forwards every connection to the proxy's Unix socket (bind-mounted at <see cref="SocketInside"/>), then starts
/// the agent with stdio inherited and exits with its code. With <c>--unshare-net</c> that socket is the only way out.
/// Node is what every npm-installed agent CLI already needs; without it the run is refused (never run unfiltered).
/// </summary>
public static class EgressRelay
{
    public const int Port = 3128;
    public const string Dir = "/run/autoship";
    public const string SocketInside = Dir + "/egress.sock";
    public const string ScriptInside = Dir + "/egress-relay.js";

    public static string ProxyUrl => $"http://127.0.0.1:{Port}";

    public const string Script = """
        'use strict';
        const net = require('net');
        const cp = require('child_process');
        const [sock, port, ...argv] = process.argv.slice(2);
        const server = net.createServer((client) => {
          const upstream = net.connect(sock);
          const end = () => { client.destroy(); upstream.destroy(); };
          client.on('error', end); upstream.on('error', end);
          client.on('close', end); upstream.on('close', end);
          client.pipe(upstream); upstream.pipe(client);
        });
        server.on('error', (e) => { console.error('autoship egress relay: ' + e.message); process.exit(125); });
        server.listen(Number(port), '127.0.0.1', () => {
          const child = cp.spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
          child.on('error', (e) => { console.error('autoship egress relay: cannot start ' + argv[0] + ': ' + e.message); process.exit(127); });
          child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
        });
        """;

    /// <summary>The variables that send every HTTP client through the relay; nothing bypasses it (empty NO_PROXY).</summary>
    public static IReadOnlyDictionary<string, string> ProxyEnv { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HTTPS_PROXY"] = ProxyUrl,
        ["HTTP_PROXY"] = ProxyUrl,
        ["ALL_PROXY"] = ProxyUrl,
        ["https_proxy"] = ProxyUrl,
        ["http_proxy"] = ProxyUrl,
        ["all_proxy"] = ProxyUrl,
        ["NO_PROXY"] = string.Empty,
        ["no_proxy"] = string.Empty,
        ["NODE_USE_ENV_PROXY"] = "1",
    };
}
