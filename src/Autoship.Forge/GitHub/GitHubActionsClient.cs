using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoship.Forge.GitHub;

/// <summary>A workflow run as the github-actions executor needs it.</summary>
public sealed record WorkflowRunInfo(long Id, string Title, string Status, string? Conclusion);

/// <summary>
/// The four Actions REST operations the github-actions executor uses: dispatch a workflow, find its run, list the run's
/// artifacts, download one. The artifact download answers with a redirect to storage, which is followed without the
/// token (a pre-signed address must never receive the forge credential).
/// </summary>
public sealed class GitHubActionsClient : IDisposable
{
    private readonly HttpClient api;
    private readonly HttpClient storage;
    private readonly string repo;

    public GitHubActionsClient(GitHubForgeOptions options, HttpMessageHandler? transport = null)
    {
        transport ??= options.Transport;
        repo = $"repos/{Uri.EscapeDataString(options.Owner)}/{Uri.EscapeDataString(options.Repository)}";
        var handler = GitHubHttp.Build(options.Author, options.ApiUrl, new UsageCounter(), options.Resilience, options.Clock, transport);
        api = new HttpClient(handler) { BaseAddress = options.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };
        storage = new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null) { Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches (204 No Content).</summary>
    public async Task DispatchAsync(string workflow, string gitRef, IReadOnlyDictionary<string, string> inputs, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsJsonAsync($"{repo}/actions/workflows/{Uri.EscapeDataString(workflow)}/dispatches", new { @ref = gitRef, inputs }, cancellationToken);
        await EnsureAsync(response, "dispatch the agent workflow", cancellationToken);
    }

    /// <summary>GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs: the newest dispatched run titled <paramref name="title"/>.</summary>
    public async Task<WorkflowRunInfo?> FindRunAsync(string workflow, string title, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync($"{repo}/actions/workflows/{Uri.EscapeDataString(workflow)}/runs?event=workflow_dispatch&per_page=100", cancellationToken);
        await EnsureAsync(response, "list the agent workflow's runs", cancellationToken);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json.RootElement.GetProperty("workflow_runs").EnumerateArray()
            .Select(r => new WorkflowRunInfo(r.GetProperty("id").GetInt64(), Str(r, "display_title") ?? Str(r, "name") ?? string.Empty, Str(r, "status") ?? "unknown", Str(r, "conclusion")))
            .Where(r => string.Equals(r.Title, title, StringComparison.Ordinal))
            .MaxBy(r => r.Id);
    }

    /// <summary>GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts: the id of the artifact named <paramref name="name"/>.</summary>
    public async Task<long?> FindArtifactAsync(long runId, string name, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync($"{repo}/actions/runs/{runId}/artifacts?per_page=100", cancellationToken);
        await EnsureAsync(response, "list the run's artifacts", cancellationToken);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json.RootElement.GetProperty("artifacts").EnumerateArray()
            .Where(a => Str(a, "name") == name && !(a.TryGetProperty("expired", out var e) && e.ValueKind == JsonValueKind.True))
            .Select(a => (long?)a.GetProperty("id").GetInt64())
            .FirstOrDefault();
    }

    /// <summary>GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}: the zip, at most <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> DownloadArtifactAsync(long artifactId, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync($"{repo}/actions/artifacts/{artifactId}/zip", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Found && response.Headers.Location is { } location)
        {
            using var blob = await storage.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await EnsureAsync(blob, "download the artifact", cancellationToken);
            return await ReadBoundedAsync(blob, maxBytes, cancellationToken);
        }

        await EnsureAsync(response, "download the artifact", cancellationToken);
        return await ReadBoundedAsync(response, maxBytes, cancellationToken);
    }

    public void Dispose()
    {
        api.Dispose();
        storage.Dispose();
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new ForgeException("artifact-too-large", $"the artifact is {response.Content.Headers.ContentLength} bytes, over the {maxBytes}-byte limit");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ForgeException("artifact-too-large", $"the artifact is over the {maxBytes}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ForgeException("actions-" + (int)response.StatusCode, $"could not {what}: GitHub answered {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
