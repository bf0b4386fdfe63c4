using System.Globalization;

namespace Autoship.Forge.GitHub;

/// <summary>Requests sent and the last rate limit GitHub reported; shared by every identity of one forge.</summary>
public sealed class UsageCounter
{
    private readonly Lock _lock = new();
    private int _requests;
    private int _notModified;
    private int? _remaining;
    private DateTimeOffset? _reset;

    /// <summary>Answers of 304 Not Modified: GitHub does not charge them to the rate limit.</summary>
    public int NotModified
    {
        get
        {
            lock (_lock)
            {
                return _notModified;
            }
        }
    }

    public ForgeUsage Snapshot()
    {
        lock (_lock)
        {
            return new ForgeUsage(_requests, _remaining, _reset);
        }
    }

    public void Record(HttpResponseMessage response)
    {
        lock (_lock)
        {
            if (response.StatusCode == System.Net.HttpStatusCode.NotModified)
            {
                _notModified++;
            }
            else
            {
                _requests++;
            }

            // GraphQL and REST share the header names but not the budget; keep the lowest we saw.
            if (Header(response, "x-ratelimit-remaining") is { } remaining && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
            {
                _remaining = _remaining is { } old ? Math.Min(old, r) : r;
            }

            if (ResetOf(response) is { } reset)
            {
                _reset = reset;
            }
        }
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary><c>x-ratelimit-reset</c> is in epoch seconds.</summary>
    public static DateTimeOffset? ResetOf(HttpResponseMessage response) =>
        Header(response, "x-ratelimit-reset") is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799))
            : null;
}
