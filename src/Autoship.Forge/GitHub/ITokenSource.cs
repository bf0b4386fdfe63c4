namespace Autoship.Forge.GitHub;

/// <summary>Gives the token for the next request (a fixed token, or a GitHub App installation token refreshed before expiry).</summary>
public interface ITokenSource
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
