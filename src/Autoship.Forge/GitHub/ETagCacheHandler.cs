using System.Collections.Concurrent;
using System.Net;

namespace Autoship.Forge.GitHub;

/// <summary>
/// Conditional requests for polled GETs: remembers each answer's ETag and body for this process, sends
/// <c>If-None-Match</c>, and turns GitHub's 304 (which costs no rate limit) back into the remembered 200.
/// With a file (<see cref="ETagCacheFile"/>) the entries outlive the process: a scheduled run starts with the
/// previous run's ETags, so its permission and identity look-ups are free 304s too.
/// </summary>
internal sealed class ETagCacheHandler : DelegatingHandler
{
    internal sealed record Entry(string ETag, byte[] Body, IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Headers, IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> ContentHeaders);

    private readonly ConcurrentDictionary<string, Entry> _cache;
    private readonly string? _file;

    public ETagCacheHandler(string? file = null)
    {
        _file = file;
        _cache = new ConcurrentDictionary<string, Entry>(file is null ? [] : ETagCacheFile.Load(file), StringComparer.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _file is not null)
        {
            ETagCacheFile.Save(_file, _cache);
        }

        base.Dispose(disposing);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var key = request.RequestUri.AbsoluteUri + "\n" + string.Join(",", request.Headers.Accept);
        if (_cache.TryGetValue(key, out var cached))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            var replay = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(cached.Body) };
            foreach (var (name, values) in cached.Headers)
            {
                replay.Headers.TryAddWithoutValidation(name, values);
            }

            foreach (var (name, values) in cached.ContentHeaders)
            {
                replay.Content.Headers.TryAddWithoutValidation(name, values);
            }

            // The rate-limit headers of the 304 are the fresh ones.
            foreach (var header in response.Headers.Where(h => h.Key.StartsWith("x-ratelimit-", StringComparison.OrdinalIgnoreCase)))
            {
                replay.Headers.Remove(header.Key);
                replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Dispose();
            return replay;
        }

        if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var contentHeaders = response.Content.Headers.ToList();
            _cache[key] = new Entry(etag.ToString(), body, [.. response.Headers], contentHeaders);
            var fresh = new ByteArrayContent(body);
            foreach (var (name, values) in contentHeaders)
            {
                fresh.Headers.TryAddWithoutValidation(name, values);
            }

            response.Content = fresh;
        }

        return response;
    }
}
