using System.Security.Cryptography;
using System.Text;
using Autoship.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Autoship.Server.Access;

/// <summary>
/// Who may read the dashboard and who may press its buttons. Without a token (loopback only) anyone who reaches the
/// port may read; with one, every page and API call needs it (bearer header or the login cookie). Write actions are
/// always same-origin checked and, unless sent with the bearer header, carry this process's anti-forgery token.
/// </summary>
public sealed class DashboardAccess(ServerOptions options)
{
    public const string CookieName = "autoship_session";
    public const string CsrfField = "csrf";
    public const string CsrfHeader = "X-CSRF-Token";

    private readonly byte[]? token = options.DashboardToken is { } t ? Encoding.UTF8.GetBytes(t) : null;

    /// <summary>A random per-process token that pages embed in their forms; a cross-site page cannot read it.</summary>
    public string CsrfToken { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public bool TokenRequired => token is not null;

    public bool IsAuthenticated(HttpContext context) =>
        token is null || HasBearer(context) || (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && SameText(cookie, SessionValue()));

    public bool HasBearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return token is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Same(Encoding.UTF8.GetBytes(header[7..].Trim()), token);
    }

    public bool CheckToken(string? candidate) => token is not null && candidate is not null && Same(Encoding.UTF8.GetBytes(candidate), token);

    /// <summary>The cookie carries a value derived from the token, never the token itself.</summary>
    public string SessionValue() => token is null ? string.Empty : Convert.ToHexString(HMACSHA256.HashData(token, "autoship-dashboard-session"u8));

    /// <summary>Null when a write request may proceed; otherwise the status and the reason to refuse it.</summary>
    public (int Status, string Detail)? CheckWrite(HttpContext context, string? csrf)
    {
        if (!IsAuthenticated(context))
        {
            return (StatusCodes.Status401Unauthorized, "this action needs the dashboard token (AUTOSHIP_DASHBOARD_TOKEN): log in or send 'Authorization: Bearer <token>'");
        }

        if (!SameOrigin(context.Request))
        {
            return (StatusCodes.Status403Forbidden, "cross-site request refused: the action must come from the dashboard's own pages");
        }

        if (!HasBearer(context) && !SameText(csrf ?? context.Request.Headers[CsrfHeader].ToString(), CsrfToken))
        {
            return (StatusCodes.Status403Forbidden, $"missing or wrong anti-forgery token: submit the dashboard's form, or send the '{CsrfHeader}' header with the csrfToken from /api/status");
        }

        return null;
    }

    /// <summary>Browsers say where a request comes from; refuse anything that says another site.</summary>
    public static bool SameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameText(string? a, string b) => a is not null && Same(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static bool Same(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
