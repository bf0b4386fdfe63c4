namespace Autoship.Forge.GitHub;

/// <summary>A personal access token or an Actions token, used as is.</summary>
public sealed class StaticTokenSource(string token) : ITokenSource
{
    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}
