using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// <c>@octokit/fixtures-server</c> on a free loopback port: replays traffic recorded against real GitHub.
/// A scenario is loaded with <c>POST /fixtures</c> and answers under its own URL until consumed.
/// </summary>
public sealed class FixturesServer : IAsyncLifetime
{
    private Process? _process;
    private readonly HttpClient _http = new();

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        var script = Peers.File("@octokit/fixtures-server", "bin/server.js");
        var port = FreePort();
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(script))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.ArgumentList.Add("--fixtures-url");
        psi.ArgumentList.Add($"http://localhost:{port}");
        psi.ArgumentList.Add("--log-level");
        psi.ArgumentList.Add("error");
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseUrl = new Uri($"http://localhost:{port}/");

        // Wait until it answers; node starts in well under a second but a loaded machine can be slow.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var ping = await _http.GetAsync(new Uri(BaseUrl, "ping"), cts.Token);
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, cts.Token);
            }
        }
    }

    /// <summary>Loads a recorded scenario; its answers come from the returned API root.</summary>
    public async Task<Uri> LoadAsync(string scenario)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(BaseUrl, "fixtures"), new { scenario });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Uri(doc.RootElement.GetProperty("url").GetString()! + "/");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
