namespace Autoship.Forge.GitHub;

/// <summary>
/// The handler chain one identity sends through, REST and GraphQL alike:
/// headers (token) → ETag cache → resilience → usage counting → the socket (or a test's handler).
/// Counting sits innermost so it sees every attempt and every raw 304 (free) before the cache replays it.
/// </summary>
internal static class GitHubHttp
{
    public static HttpMessageHandler Build(ITokenSource tokens, Uri apiUrl, UsageCounter usage, ResilienceSettings resilience, TimeProvider clock, HttpMessageHandler? transport, string? cacheFile = null)
    {
        var headers = new GitHubHeadersHandler(tokens, apiUrl);
        var etags = new ETagCacheHandler(cacheFile);
        var counting = new UsageHandler(usage);
        var retry = new ResilienceHandler(resilience, clock);
        headers.InnerHandler = etags;
        etags.InnerHandler = retry;
        retry.InnerHandler = counting;
        counting.InnerHandler = transport ?? new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        return headers;
    }
}
