using System.Globalization;
using System.Net;
using Polly;
using Polly.Retry;

namespace Autoship.Forge.GitHub;

/// <summary>
/// Sits under Octokit and the GraphQL client so both get the same rules, as GitHub documents them:
/// primary limit spent (403/429 with <c>x-ratelimit-remaining: 0</c>) → stop, surface the reset time;
/// secondary limit (403/429 with <c>Retry-After</c>, or the "secondary rate limit" message) → wait as told
/// (at least a minute when not told) and retry; 5xx and timeouts → retry with exponential backoff and jitter.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private sealed record Attempt(HttpResponseMessage Response, TimeSpan? SecondaryWait, bool Repeatable);

    private readonly ResilienceSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<Attempt> _pipeline;

    public ResilienceHandler(ResilienceSettings settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = clock };
        if (settings.MaxRetries <= 0)
        {
            _pipeline = builder.Build();
            return;
        }

        _pipeline = builder
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.Delay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: RepeatableFailure } => true,
                    { Result: { } a } => (a.Repeatable && IsTransient(a.Response)) || a.SecondaryWait is not null,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.SecondaryWait),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Response.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // A retry sends the same content again.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        Attempt attempt;
        try
        {
            attempt = await _pipeline.ExecuteAsync(async ct => await SendOnceAsync(request, ct), cancellationToken);
        }
        catch (RepeatableFailure e)
        {
            // Out of retries: surface what happened, as the caller would without us.
            throw e.InnerException is HttpRequestException http ? http : new ForgeException("timeout", e.Message, e.InnerException);
        }

        var response = attempt.Response;
        if (IsPrimaryLimit(response))
        {
            var reset = UsageCounter.ResetOf(response);
            response.Dispose();
            throw new ForgeException("rate-limited", $"GitHub's rate limit is spent; it resets at {reset?.ToString("u", CultureInfo.InvariantCulture) ?? "an unknown time"}. Autoship stops acting until then.")
            {
                RetryAt = reset,
            };
        }

        if (attempt.SecondaryWait is { } wait)
        {
            response.Dispose();
            throw new ForgeException("secondary-rate-limited", $"GitHub's secondary rate limit still applies after {_settings.MaxRetries} retries; retry after {wait.TotalSeconds:0} s.")
            {
                RetryAt = _clock.GetUtcNow() + wait,
            };
        }

        return response;
    }

    private async Task<Attempt> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        var repeatable = IsRepeatable(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"GitHub did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {_settings.Timeout.TotalSeconds:0} s";
            throw repeatable ? new RepeatableFailure(message, e) : new ForgeException("timeout", message, e);
        }
        catch (HttpRequestException e) when (repeatable)
        {
            throw new RepeatableFailure(e.Message, e);
        }

        var wait = await SecondaryWaitAsync(response, cancellationToken);
        if (wait > _settings.SecondaryWaitLimit)
        {
            response.Dispose();
            throw new ForgeException("secondary-rate-limited", $"GitHub asks to wait {wait.Value.TotalSeconds:0} s (secondary rate limit); the tick stops instead of blocking.")
            {
                RetryAt = _clock.GetUtcNow() + wait,
            };
        }

        return new Attempt(response, wait, repeatable);
    }

    /// <summary>
    /// A 5xx or a timeout may hide a write GitHub did perform; only requests that are safe to send twice are
    /// repeated (a second "create comment" would post twice). A secondary limit means "not performed", so any
    /// request is repeated after it.
    /// </summary>
    private static bool IsRepeatable(HttpRequestMessage request)
    {
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Patch)
        {
            return true;
        }

        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        return path.EndsWith("/graphql", StringComparison.Ordinal) || path.Contains("/statuses/", StringComparison.Ordinal);
    }

    private sealed class RepeatableFailure(string message, Exception inner) : Exception(message, inner);

    private static bool IsTransient(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;

    private static bool IsLimitStatus(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests;

    private static bool IsPrimaryLimit(HttpResponseMessage response) =>
        IsLimitStatus(response) && UsageCounter.Header(response, "x-ratelimit-remaining") == "0" && response.Headers.RetryAfter is null;

    /// <summary>How long GitHub asks us to wait on a secondary limit; null when the answer is not one.</summary>
    private async Task<TimeSpan?> SecondaryWaitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!IsLimitStatus(response) || IsPrimaryLimit(response))
        {
            return null;
        }

        switch (response.Headers.RetryAfter)
        {
            case { Delta: { } delta }:
                return delta;
            case { Date: { } date }:
                var left = date - _clock.GetUtcNow();
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        // Without Retry-After GitHub says: wait at least one minute. A plain 403 (no permission) is not a limit.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromMinutes(1) : null;
    }
}
