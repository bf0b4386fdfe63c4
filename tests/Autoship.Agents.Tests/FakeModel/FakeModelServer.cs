using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Autoship.Agents.Tests.FakeModel;

/// <summary>
/// A loopback model endpoint that real agent CLIs talk to: Anthropic Messages (<c>/v1/messages</c>), OpenAI Responses
/// (<c>/responses</c>) and Chat Completions (<c>/chat/completions</c>), Gemini (<c>:generateContent</c>,
/// <c>:streamGenerateContent</c>), streaming (SSE) or not. It follows a <see cref="FakeScript"/>: as author it calls
/// the CLI's own write or shell tool once, then ends; as reviewer it answers the verdict text. Every request is
/// recorded so tests assert on the prompt the model received.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Task loop;

    public FakeModelServer(FakeScript script)
    {
        Script = script;
        (listener, Port) = Listen();
        loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// A listener on a free loopback port. The port is found by binding port 0 and releasing it, so another test may
    /// take it in between ("Address already in use"): then try another one.
    /// </summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                candidate.Start();
                return (candidate, port);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                try
                {
                    candidate.Close();
                }
                catch (HttpListenerException)
                {
                    // never started: nothing to release
                }
            }
        }
    }

    public FakeScript Script { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Every request body, joined: what the model was told.</summary>
    public string AllBodies => string.Join("\n", Requests.Select(r => r.Body));

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url?.AbsolutePath ?? "/";
            Requests.Enqueue(new FakeRequest(context.Request.HttpMethod, path, body, context.Request.Headers.ToString() ?? string.Empty));
            var json = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body) as JsonObject ?? new JsonObject();
            var reply = Protocols.Reply(path, json, Script.For(body));
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.Sse ? "text/event-stream" : "application/json";
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or System.Text.Json.JsonException)
        {
            try
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone (it stops too): on Unix, Close after Stop looks the endpoint up again, binds the port anew and
        // fails with "Address already in use" when another test has taken it meanwhile.
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // the port was already released and reused by another test: nothing of ours is left on it
        }

        await loop;
    }
}

/// <summary>One request the fake model received.</summary>
public sealed record FakeRequest(string Method, string Path, string Body, string Headers);

/// <summary>
/// What the fake model does. Author: write <see cref="FilePath"/> with <see cref="FileContent"/> through the CLI's
/// own tool (or run <see cref="Shell"/> when set), then finish. Reviewer: answer <see cref="Verdict"/>.
/// </summary>
public sealed record FakeScript(string? FilePath = null, string FileContent = "", string? Shell = null, string? Verdict = null)
{
    /// <summary>What to do for a request whose prompt is a reviewer's (one fake model serving a whole tick); null: the same.</summary>
    public FakeScript? WhenReviewing { get; init; }

    /// <summary>The script for one request: <see cref="WhenReviewing"/> when the request carries the reviewer prompt.</summary>
    public FakeScript For(string requestBody) =>
        WhenReviewing is { } reviewing && requestBody.Contains("You are a reviewer agent", StringComparison.Ordinal) ? reviewing : this;

    /// <summary>Author: write <paramref name="path"/>; reviewer: answer <paramref name="verdict"/>.</summary>
    public static FakeScript Tick(string path, string content, string verdict) => new(path, content) { WhenReviewing = Review(verdict) };

    public static FakeScript Write(string path, string content) => new(path, content);

    public static FakeScript Run(string shell) => new(Shell: shell);

    public static FakeScript Review(string verdict) => new(Verdict: verdict);
}
