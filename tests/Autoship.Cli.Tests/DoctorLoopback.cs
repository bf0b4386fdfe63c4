using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

/// <summary>
/// A loopback stand-in for GitHub's API used by the labels, protect and doctor tests: answers by
/// "METHOD path-prefix" routes (longest wins) and records every request. Adapter conformance with real
/// GitHub is proven in Autoship.Forge.Tests; here only the commands' decisions are under test.
/// </summary>
public sealed class DoctorLoopback : IAsyncDisposable
{
    public sealed record Request(string Method, string Path, string Body);

    private readonly HttpListener _listener;
    private readonly Task _loop;

    public DoctorLoopback()
    {
        // A port picked free can be taken again before the listener binds it: try another one.
        for (var attempt = 1; ; attempt++)
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            }

            _listener = new HttpListener();
            _listener.Prefixes.Add(Url);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                _listener.Close();
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentDictionary<string, (int Status, string Body)> Routes { get; } = new();

    public ConcurrentQueue<Request> Requests { get; } = new();

    public IReadOnlyDictionary<string, string> Env => new Dictionary<string, string> { ["GITHUB_TOKEN"] = "t", ["GITHUB_API_URL"] = Url };

    /// <summary>Writes the seed's configuration into <paramref name="repo"/>/.github/autoship.yml.</summary>
    public static void WriteSeedConfig(string repo)
    {
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        Directory.CreateDirectory(Path.Combine(repo, ".github"));
        File.WriteAllText(Path.Combine(repo, AutoshipConfig.DefaultPath), DefaultConfig.Yaml);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(new Request(context.Request.HttpMethod, path, body));
            var key = $"{context.Request.HttpMethod} {path}";
            var route = Routes.Where(r => key.StartsWith(r.Key, StringComparison.Ordinal)).OrderByDescending(r => r.Key.Length).Select(r => ((int, string)?)r.Value).FirstOrDefault()
                ?? (404, """{"message":"Not Found"}""");
            context.Response.StatusCode = route.Item1;
            context.Response.ContentType = "application/json; charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(route.Item2);
            if (route.Item1 != 204)
            {
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Linux's managed HttpListener may look the port up again while closing and find it reused: already stopped.
        }
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
