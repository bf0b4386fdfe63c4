using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Store;
using Autoship.Forge;
using Microsoft.Extensions.Logging;

namespace Autoship.Engine.Health;

/// <summary>
/// Sends each queue-health alert once when it starts (not every tick while it lasts): a JSON POST to
/// <c>queue.notifyWebhook</c> and a comment on <c>queue.notifyIssue</c> that mentions <c>queue.notifyMentions</c>.
/// The alerts already notified are kept in the store; losing it sends the active alerts once more, never fewer.
/// A failed delivery is logged and retried on the next tick.
/// </summary>
public sealed class QueueAlertNotifier(IForge forge, IStateStore store, HttpClient http, ILogger logger)
{
    public const string Setting = "queue-alerts-notified";

    /// <summary>Starts the marker of each alert comment; the rest names the alerts, so a retry edits the same comment and a new alert writes a new one (a mention in an edit notifies nobody).</summary>
    public const string CommentMarkerPrefix = "<!-- autoship:queue-health ";

    public async Task<IReadOnlyList<QueueAlert>> NotifyAsync(QueueSettings queue, IReadOnlyList<QueueAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await KnownAsync(cancellationToken);
        var fresh = alerts.Where(a => !known.Contains(a.Key)).ToList();
        var delivered = true;
        if (fresh.Count > 0 && queue.NotifyWebhook is { } url)
        {
            delivered &= await PostAsync(url, fresh, now, cancellationToken);
        }

        if (fresh.Count > 0 && queue.NotifyIssue is { } issue)
        {
            delivered &= await CommentAsync(issue, queue.NotifyMentions, fresh, alerts, now, cancellationToken);
        }

        // Ended alerts are forgotten, so they notify again if they come back; undelivered ones are retried.
        var keep = alerts.Where(a => delivered || known.Contains(a.Key)).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        if (!keep.SequenceEqual(known.Order(StringComparer.Ordinal)))
        {
            await store.SetSettingAsync(forge.Name, Setting, JsonSerializer.Serialize(keep), cancellationToken);
        }

        return delivered ? fresh : [];
    }

    private async Task<HashSet<string>> KnownAsync(CancellationToken cancellationToken)
    {
        var text = await store.GetSettingAsync(forge.Name, Setting, cancellationToken);
        try
        {
            return text is null ? [] : JsonSerializer.Deserialize<List<string>>(text)?.ToHashSet(StringComparer.Ordinal) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private async Task<bool> PostAsync(string url, IReadOnlyList<QueueAlert> fresh, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = new
        {
            repository = forge.Name,
            at = now,
            alerts = fresh.Select(a => new { code = a.Code, subject = a.Subject, message = a.Message }),
            text = $"Autoship queue health on {forge.Name}: " + string.Join("; ", fresh.Select(a => a.Message)),
        };
        try
        {
            using var response = await http.PostAsJsonAsync(url, payload, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Queue-health webhook answered {Status}; the alerts are sent again next tick", (int)response.StatusCode);
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Queue-health webhook failed ({Error}); the alerts are sent again next tick", e.Message);
            return false;
        }
    }

    private async Task<bool> CommentAsync(int issue, IReadOnlyList<string> mentions, IReadOnlyList<QueueAlert> fresh, IReadOnlyList<QueueAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = CommentMarkerPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes(string.Join("\n", fresh.Select(a => a.Key).Order(StringComparer.Ordinal)))))[..16] + " -->";
        var body = new StringBuilder(marker).AppendLine();
        body.AppendLine($"**Autoship queue health** ({now:u}){(mentions.Count > 0 ? " — " + string.Join(" ", mentions.Select(m => "@" + m)) : string.Empty)}").AppendLine();
        foreach (var alert in alerts)
        {
            body.AppendLine($"- `{alert.Code}` {alert.Message}");
        }

        try
        {
            await forge.UpsertCommentAsync(issue, marker, body.ToString(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Queue-health comment on #{Issue} failed ({Error}); the alerts are sent again next tick", issue, e.Message);
            return false;
        }
    }
}
