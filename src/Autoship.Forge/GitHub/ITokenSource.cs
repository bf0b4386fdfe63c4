namespace Autoship.Forge.GitHub;

/// <summary>Gives the token for the next request (a fixed token, or a GitHub App installation token refreshed before expiry).</summary>
public interface ITokenSource
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The login this source's tokens act as when the source itself can tell (a GitHub App: <c>&lt;slug&gt;[bot]</c>
    /// from <c>GET /app</c>, which an installation token cannot ask through <c>GET /user</c>); null: ask <c>GET /user</c>.
    /// </summary>
    Task<string?> OwnLoginAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
