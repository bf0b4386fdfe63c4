using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// A loopback HTTP server that answers with scripted responses in order (the last one repeats), with the
/// headers GitHub documents for rate limits. It records every request it receives.
/// </summary>
public sealed class LoopbackGitHub : IAsyncDisposable
{
    public sealed record Answer(int Status, string Body = "[]", IReadOnlyDictionary<string, string>? Headers = null, bool Stall = false)
    {
        /// <summary>A binary body (an artifact's zip) sent instead of <see cref="Body"/>.</summary>
        public byte[]? Bytes { get; init; }
    }

    public sealed record Received(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<Answer> _answers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private Answer _last;

    public LoopbackGitHub(params Answer[] answers)
    {
        _answers = new ConcurrentQueue<Answer>(answers);
        _last = answers[^1];
        (_listener, Url) = StartOnFreePort();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>When set, answers every request (return null to fall through to the paths and the script).</summary>
    public Func<Received, Answer?>? Responder { get; set; }

    /// <summary>Answers for requests whose path contains a key (the longest key wins); checked before the ordered script.</summary>
    public ConcurrentDictionary<string, Answer> ByPath { get; } = new();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var pathAndQuery = request.Url!.PathAndQuery;
        var entry = new Received(request.HttpMethod, pathAndQuery, headers, body);
        Requests.Enqueue(entry);

        var answer = Responder?.Invoke(entry) ?? ByPath.Where(p => pathAndQuery.Contains(p.Key, StringComparison.Ordinal)).OrderByDescending(p => p.Key.Length).FirstOrDefault().Value
            ?? (_answers.TryDequeue(out var next) ? _last = next : _last);
        if (answer.Stall)
        {
            // Never answers: the client's own timeout must end the attempt.
            try
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            context.Response.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.Status;
        foreach (var (k, v) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[k] = v;
        }

        var bytes = answer.Bytes ?? Encoding.UTF8.GetBytes(answer.Status == 304 || answer.Status == 204 ? string.Empty : answer.Body);
        response.ContentType = answer.Bytes is null ? "application/json; charset=utf-8" : "application/zip";
        if (bytes.Length > 0)
        {
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }

    /// <summary>
    /// A port picked free can be taken again (by another test, or as the source port of an outgoing connection)
    /// before the listener binds it: try again with another port rather than fail the test.
    /// </summary>
    internal static (HttpListener Listener, Uri Url) StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.AbsoluteUri);
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
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
        catch (Exception)
        {
            // The listener throws on close; the loop has ended either way.
        }

        _stop.Dispose();
    }
}
