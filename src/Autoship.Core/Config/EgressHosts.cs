using System.Globalization;
using System.Text.RegularExpressions;

namespace Autoship.Core.Config;

/// <summary>
/// The entries of an egress allow-list: <c>host</c> (ports 443 and 80), <c>host:port</c>, or <c>*.domain</c> (any
/// sub-domain, not the domain itself). Host names compare case-insensitively and exactly as the client named them.
/// </summary>
public static partial class EgressHosts
{
    public const string Pattern = @"^(\*\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$";

    public static bool IsValid(string entry) => Syntax().IsMatch(entry) && Split(entry) is { Port: null or (> 0 and <= 65535) };

    /// <summary>The entry for a URL's host and port (<c>http://127.0.0.1:9/v1</c> → <c>127.0.0.1:9</c>); null when it is not an absolute http(s) URL.</summary>
    public static string? FromUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}"
            : null;

    public static bool Allows(IEnumerable<string> entries, string host, int port)
    {
        host = host.Trim().TrimEnd('.');
        foreach (var entry in entries)
        {
            var (name, allowedPort) = Split(entry);
            var portOk = allowedPort is { } p ? p == port : port is 443 or 80;
            var hostOk = name.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(name[1..], StringComparison.OrdinalIgnoreCase) && host.Length > name.Length - 1
                : string.Equals(name, host, StringComparison.OrdinalIgnoreCase);
            if (portOk && hostOk)
            {
                return true;
            }
        }

        return false;
    }

    private static (string Host, int? Port) Split(string entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 && int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (entry[..colon], port)
            : (entry, null);
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
