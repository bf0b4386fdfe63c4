using System.Globalization;
using System.Text;

namespace Autoship.Agents.Egress;

/// <summary>A proxy request's head: <c>CONNECT host:port</c>, or a plain request in absolute form (<c>GET http://host:port/path</c>).</summary>
internal sealed record EgressRequest(string Method, string Host, int Port, string Target, string Version, IReadOnlyList<string> Headers)
{
    private static readonly string[] HopHeaders = ["connection", "proxy-connection", "keep-alive", "proxy-authorization", "te", "trailer", "upgrade"];

    public bool IsConnect => Method == "CONNECT";

    public static EgressRequest? Parse(string head)
    {
        var lines = head.Split("\r\n", StringSplitOptions.None);
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[0].Length == 0 || !parts[0].All(char.IsAsciiLetterUpper))
        {
            return null;
        }

        var headers = lines.Skip(1).Where(l => l.Length > 0).ToList();
        if (parts[0] == "CONNECT")
        {
            var colon = parts[1].LastIndexOf(':');
            return colon > 0 && int.TryParse(parts[1].AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
                ? new EgressRequest("CONNECT", parts[1][..colon].Trim('[', ']'), port, parts[1], parts[2], headers)
                : null;
        }

        return Uri.TryCreate(parts[1], UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.Host.Length > 0
            ? new EgressRequest(parts[0], uri.IdnHost, uri.Port, uri.PathAndQuery, parts[2], headers)
            : null;
    }

    /// <summary>The request as the origin server expects it: origin-form target, hop-by-hop headers dropped, one request per connection.</summary>
    public string OriginForm()
    {
        var text = new StringBuilder($"{Method} {Target} {Version}\r\n");
        foreach (var h in Headers.Where(h => !HopHeaders.Any(x => h.StartsWith(x + ":", StringComparison.OrdinalIgnoreCase))))
        {
            text.Append(h).Append("\r\n");
        }

        return text.Append("Connection: close\r\n\r\n").ToString();
    }
}
