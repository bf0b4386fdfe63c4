namespace Autoship.Server.Hosting;

/// <summary>How <c>autoship serve</c> listens and guards itself.</summary>
public sealed record ServerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:8080";
    public const string WebhookSecretVariable = "AUTOSHIP_WEBHOOK_SECRET";
    public const string DashboardTokenVariable = "AUTOSHIP_DASHBOARD_TOKEN";

    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Required for any non-loopback binding; when set, the dashboard, API and metrics require it.</summary>
    public string? DashboardToken { get; init; }

    /// <summary>The HMAC secret GitHub signs deliveries with; without it the webhook endpoint refuses everything.</summary>
    public string? WebhookSecret { get; init; }

    public long MaxWebhookBytes { get; init; } = 1024 * 1024;

    /// <summary>The overview re-reads the forge at most this often (a tick refreshes it too).</summary>
    public TimeSpan ObservationTtl { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Wake-ups within this window after the first cause one tick.</summary>
    public TimeSpan WakeDebounce { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Run the loop in the background (tests turn it off to tick by hand).</summary>
    public bool RunLoop { get; init; } = true;

    /// <summary>Tick as soon as the server starts (otherwise wait for the schedule or a wake-up).</summary>
    public bool TickAtStart { get; init; } = true;

    /// <summary>
    /// How long a replica's hold on a repository (and its membership) outlives its last heartbeat; the heartbeat
    /// renews both every third of it. A replica killed on another host loses its repositories within this time.
    /// </summary>
    public TimeSpan ReplicaLeaseTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>This replica's name in the store's leases (host, pid, start time: a dead one on this host is seen at once).</summary>
    public string Replica { get; init; } = Autoship.Engine.Store.LeaseHolder.ForThisProcess("replica");

    /// <summary>Reads the secrets from the environment (<c>AUTOSHIP_WEBHOOK_SECRET</c>, <c>AUTOSHIP_DASHBOARD_TOKEN</c>).</summary>
    public static ServerOptions FromEnvironment(string? urls) => new()
    {
        Urls = string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls,
        DashboardToken = NullIfEmpty(Environment.GetEnvironmentVariable(DashboardTokenVariable)),
        WebhookSecret = NullIfEmpty(Environment.GetEnvironmentVariable(WebhookSecretVariable)),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
