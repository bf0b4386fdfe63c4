using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Autoship.Forge.GitHub;

/// <summary>
/// Mints installation tokens for a GitHub App: a JWT signed RS256 with the App's private key, exchanged at
/// <c>POST /app/installations/{id}/access_tokens</c>. Tokens live one hour; we renew five minutes early so a
/// long tick never sends an expired one.
/// </summary>
public sealed class GitHubAppTokenSource(
    string appId, string privateKeyPem, long installationId, Uri apiUrl, HttpMessageHandler? handler, TimeProvider clock) : ITokenSource, IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    // Without a handler of the caller's, the source owns its sockets.
    private readonly HttpClient _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private string? _botLogin;
    private DateTimeOffset _expiresAt;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || clock.GetUtcNow() >= _expiresAt - RenewBefore)
            {
                (_token, _expiresAt) = await MintAsync(cancellationToken);
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The App's bot account, <c>&lt;slug&gt;[bot]</c>, read once from <c>GET /app</c> with the App's JWT.</summary>
    public async Task<string?> OwnLoginAsync(CancellationToken cancellationToken)
    {
        if (_botLogin is not null)
        {
            return _botLogin;
        }

        using var doc = await SendAsAppAsync(HttpMethod.Get, "app", "app-login", $"GitHub would not say which App {appId} is (GET /app: ", cancellationToken);
        var slug = doc.RootElement.TryGetProperty("slug", out var s) ? s.GetString() : null;
        if (string.IsNullOrWhiteSpace(slug))
        {
            throw new ForgeException("app-login", $"GitHub's GET /app answer for App {appId} has no slug");
        }

        return _botLogin = slug + "[bot]";
    }

    /// <summary>One request authenticated as the App itself (its JWT); a refusal is a <see cref="ForgeException"/>
    /// whose message is <paramref name="refusal"/> followed by the HTTP status and GitHub's answer.</summary>
    private async Task<JsonDocument> SendAsAppAsync(HttpMethod method, string path, string code, string refusal, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Root(), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CreateJwt());
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("Autoship");
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ForgeException(code, $"{refusal}HTTP {(int)response.StatusCode}): {text}");
        }

        return JsonDocument.Parse(text);
    }

    private Uri Root() => apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");

    private async Task<(string Token, DateTimeOffset ExpiresAt)> MintAsync(CancellationToken cancellationToken)
    {
        using var doc = await SendAsAppAsync(HttpMethod.Post, $"app/installations/{installationId}/access_tokens", "app-token",
            $"GitHub refused to mint an installation token for app {appId} (", cancellationToken);
        var token = doc.RootElement.GetProperty("token").GetString() ?? throw new ForgeException("app-token", "no token in GitHub's answer");
        var expires = doc.RootElement.TryGetProperty("expires_at", out var e) ? e.GetDateTimeOffset() : clock.GetUtcNow().AddHours(1);
        return (token, expires);
    }

    /// <summary>GitHub's App JWT: issued 60 s in the past against clock drift, valid at most 10 minutes.</summary>
    public string CreateJwt()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["iat"] = now - 60, ["exp"] = now + 540, ["iss"] = appId }));
        var signingInput = header + "." + payload;
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }
}
