using System.Net.Http.Headers;

namespace Autoship.Forge.GitHub;

/// <summary>
/// Puts the identity's token on every request (REST and GraphQL alike) and sends JSON bodies as JSON:
/// Octokit labels its JSON bodies <c>application/x-www-form-urlencoded</c>, which GitHub tolerates, but the
/// documented type is <c>application/json</c>.
/// </summary>
internal sealed class GitHubHeadersHandler(ITokenSource tokens, Uri apiUrl) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Never send the token to another host (a redirect to an asset or another server).
        if (request.RequestUri is { } uri && string.Equals(uri.Host, apiUrl.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == apiUrl.Port)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("token", await tokens.GetTokenAsync(cancellationToken));
        }
        else
        {
            request.Headers.Authorization = null;
        }

        if (!request.Headers.UserAgent.Any())
        {
            request.Headers.UserAgent.ParseAdd("Autoship");
        }

        if (request.Content is { } content && content.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded")
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
