using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Autoship.Forge.GitHub;

/// <summary>
/// Every repository a GitHub App installation can reach: <c>GET /installation/repositories</c> with the installation
/// token, 100 per page, until <c>total_count</c> is reached (what <c>serve --installation</c> manages).
/// </summary>
public static class InstallationRepositories
{
    /// <summary>Stops after this many pages (10,000 repositories) so that a lying <c>total_count</c> cannot loop forever.</summary>
    public const int MaxPages = 100;

    /// <summary>The <c>owner/name</c> of every repository of the installation, sorted, archived ones left out.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(ITokenSource tokens, Uri apiUrl, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(apiUrl);
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = 0;
        for (var page = 1; page <= MaxPages; page++)
        {
            var url = new Uri(apiUrl, string.Create(CultureInfo.InvariantCulture, $"installation/repositories?per_page=100&page={page}"));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
            request.Headers.Accept.ParseAdd("application/vnd.github+json");
            request.Headers.UserAgent.ParseAdd("autoship");
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ForgeException("installation-repositories",
                    $"GitHub would not list the installation's repositories (GET /installation/repositories: {(int)response.StatusCode} {response.ReasonPhrase}); the App needs the installation's token");
            }

            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            var total = doc.RootElement.TryGetProperty("total_count", out var t) && t.TryGetInt32(out var n) ? n : 0;
            var repositories = doc.RootElement.TryGetProperty("repositories", out var r) && r.ValueKind == JsonValueKind.Array ? r : default;
            var count = repositories.ValueKind == JsonValueKind.Array ? repositories.GetArrayLength() : 0;
            if (count > 0)
            {
                foreach (var repo in repositories.EnumerateArray())
                {
                    var archived = repo.TryGetProperty("archived", out var a) && a.ValueKind == JsonValueKind.True;
                    if (!archived && repo.TryGetProperty("full_name", out var f) && f.GetString() is { } full && full.Split('/') is [{ Length: > 0 }, { Length: > 0 }])
                    {
                        names.Add(full);
                    }
                }
            }

            seen += count;
            if (count == 0 || seen >= total)
            {
                break;
            }
        }

        return names.ToList();
    }
}
