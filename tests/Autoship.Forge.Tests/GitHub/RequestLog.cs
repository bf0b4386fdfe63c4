namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// Logs each request and any refusal so a replay mismatch shows what was sent. It changes nothing: with our
/// handler sending JSON bodies as <c>application/json</c>, Octokit.net's requests already match the recordings
/// made by octokit.js (same Accept, token scheme and bodies), so no test-only adaptation is needed.
/// </summary>
internal sealed class RequestLog(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public List<string> Seen { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var line = $"{request.Method} {request.RequestUri?.PathAndQuery} accept={string.Join(",", request.Headers.Accept)} type={request.Content?.Headers.ContentType}";
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            line += $" -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }

        Seen.Add(line);
        return response;
    }

    public override string ToString() => string.Join("\n", Seen);
}
