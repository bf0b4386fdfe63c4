using System.Text.Json;
using Autoship.Engine.Store;
using Autoship.Engine.Telemetry;
using Autoship.Server.Fleet;
using Autoship.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/github</c>: size and signature are checked on the raw body before anything parses it; a
/// redelivery is recognised by its delivery id; only events that can change a decision wake the loop.
/// </summary>
public static partial class WebhookEndpoints
{
    /// <summary>How long a sender may take to deliver the whole body (GitHub sends it at once).</summary>
    internal static readonly TimeSpan BodyTimeout = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/github", ReceiveAsync).DisableAntiforgery().WithName("GitHubWebhook");
        return app;
    }

    internal static async Task<Results<Ok<WebhookAnswer>, Accepted<WebhookAnswer>, ProblemHttpResult>> ReceiveAsync(HttpContext context, ServerOptions options, ServerEngine engine, RepositoryRegistry registry, AutoshipMetrics metrics,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Autoship.Server.Webhooks");
        var eventName = context.Request.Headers["X-GitHub-Event"].ToString();
        if (options.WebhookSecret is not { } secret)
        {
            return Refuse(metrics, eventName, "unconfigured", StatusCodes.Status503ServiceUnavailable,
                $"webhooks are off: set {ServerOptions.WebhookSecretVariable} to the secret configured on the GitHub webhook, then restart 'autoship serve'");
        }

        if (context.Request.ContentLength > options.MaxWebhookBytes)
        {
            return Refuse(metrics, eventName, "too-large", StatusCodes.Status413PayloadTooLarge, $"payload larger than {options.MaxWebhookBytes} bytes");
        }

        byte[]? body;
        try
        {
            body = await ReadLimitedAsync(context.Request.Body, options.MaxWebhookBytes, BodyTimeout, cancellationToken);
        }
        catch (BodyReadException e)
        {
            // An aborted or too slow sender: one line, no stack trace, and nothing recorded (GitHub retries).
            LogBodyFailed(logger, eventName, e.Message);
            return Refuse(metrics, eventName, e.Status == StatusCodes.Status408RequestTimeout ? "slow-body" : "aborted-body", e.Status, e.Message);
        }

        if (body is null)
        {
            return Refuse(metrics, eventName, "too-large", StatusCodes.Status413PayloadTooLarge, $"payload larger than {options.MaxWebhookBytes} bytes");
        }

        if (!WebhookSignature.Verify(secret, body, context.Request.Headers["X-Hub-Signature-256"].ToString()))
        {
            LogRejected(logger, eventName);
            return Refuse(metrics, eventName, "bad-signature", StatusCodes.Status401Unauthorized, "missing or wrong X-Hub-Signature-256");
        }

        var delivery = context.Request.Headers["X-GitHub-Delivery"].ToString();
        if (delivery.Length == 0 || eventName.Length == 0)
        {
            return Refuse(metrics, eventName, "malformed", StatusCodes.Status400BadRequest, "X-GitHub-Delivery and X-GitHub-Event are required");
        }

        string? action;
        string? repository;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            action = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()
                : null;
            repository = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("repository", out var r) && r.ValueKind == JsonValueKind.Object
                && r.TryGetProperty("full_name", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        }
        catch (JsonException)
        {
            return Refuse(metrics, eventName, "malformed", StatusCodes.Status400BadRequest, "the body is not JSON");
        }

        // Recorded only once the body is verified and parsed: a broken first delivery must not hide a good retry.
        if (!await engine.Store.TryRecordDeliveryAsync(delivery, eventName, engine.Clock.GetUtcNow(), cancellationToken))
        {
            metrics.RecordWebhook(eventName, "duplicate");
            return TypedResults.Ok(new WebhookAnswer("duplicate", eventName, action, delivery));
        }

        if (!WebhookRelevance.Matters(eventName, action))
        {
            metrics.RecordWebhook(eventName, "ignored");
            return TypedResults.Ok(new WebhookAnswer("ignored", eventName, action, delivery));
        }

        // With several repositories, only the one the delivery names is woken; a delivery for none of them changes nothing.
        var loops = registry.ForWebhook(repository);
        if (loops.Count == 0)
        {
            metrics.RecordWebhook(eventName, "ignored");
            return TypedResults.Ok(new WebhookAnswer("ignored", eventName, action, delivery));
        }

        foreach (var loop in loops)
        {
            loop.State.Wake();
        }

        metrics.RecordWebhook(eventName, "accepted");
        LogWoken(logger, eventName, action ?? "-", delivery);
        return TypedResults.Accepted((string?)null, new WebhookAnswer("accepted", eventName, action, delivery));
    }

    /// <summary>
    /// The body, or null as soon as it grows past <paramref name="limit"/> (a missing or lying Content-Length);
    /// <see cref="BodyReadException"/> when the sender aborts or is slower than <paramref name="timeout"/>.
    /// </summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, deadline.Token)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BodyReadException(StatusCodes.Status408RequestTimeout, $"the body did not arrive within {timeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException)
        {
            throw new BodyReadException(StatusCodes.Status400BadRequest, "the sender closed the connection before the body ended");
        }
        catch (BadHttpRequestException e)
        {
            throw new BodyReadException(e.StatusCode, "the body could not be read: " + e.Message);
        }
        catch (IOException e)
        {
            throw new BodyReadException(StatusCodes.Status400BadRequest, "the body could not be read: " + e.Message);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Refuse(AutoshipMetrics metrics, string eventName, string result, int status, string detail)
    {
        metrics.RecordWebhook(eventName.Length == 0 ? "unknown" : eventName, result);
        return TypedResults.Problem(statusCode: status, detail: detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Event} refused: bad or missing signature")]
    private static partial void LogRejected(ILogger logger, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Event} refused: {Problem}")]
    private static partial void LogBodyFailed(ILogger logger, string @event, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Event}/{Action} (delivery {Delivery}) wakes the loop")]
    private static partial void LogWoken(ILogger logger, string @event, string action, string delivery);
}

/// <summary>What the webhook endpoint answers GitHub (shown in the delivery log of the repository's webhook settings).</summary>
public sealed record WebhookAnswer(string Status, string Event, string? Action, string Delivery);
