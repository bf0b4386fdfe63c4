using System.Net;
using Autoship.Server.Hosting;

namespace Autoship.Server.Access;

/// <summary>The dashboard can pause the loop: it listens beyond this machine only when a token guards it.</summary>
public static class BindingCheck
{
    /// <summary>Throws <see cref="ServerConfigurationException"/> when a non-loopback URL has no token.</summary>
    public static void Validate(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var open = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(u => !IsLoopback(u)).ToList();
        if (open.Count > 0 && options.DashboardToken is null)
        {
            throw new ServerConfigurationException(
                $"refusing to listen on {string.Join(", ", open)} without an access token: set {ServerOptions.DashboardTokenVariable} " +
                "(e.g. export AUTOSHIP_DASHBOARD_TOKEN=$(openssl rand -hex 32)), or bind to loopback with --urls http://127.0.0.1:8080");
        }
    }

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
