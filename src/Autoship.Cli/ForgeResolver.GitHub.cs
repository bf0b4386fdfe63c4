using System.Globalization;
using Autoship.Forge;
using Autoship.Forge.GitHub;

namespace Autoship.Cli;

internal static partial class ForgeResolver
{
    /// <summary>
    /// Author identity: a GitHub App when <c>AUTOSHIP_APP_ID</c>, <c>AUTOSHIP_APP_PRIVATE_KEY</c> (PEM text) or
    /// <c>AUTOSHIP_APP_PRIVATE_KEY_FILE</c>, and <c>AUTOSHIP_APP_INSTALLATION_ID</c> are set (its bot login,
    /// <c>&lt;slug&gt;[bot]</c>, is read from GitHub's <c>GET /app</c>); else the token in <c>--token-env NAME</c>, <c>GITHUB_TOKEN</c> or <c>GH_TOKEN</c>.
    /// Reviewer identity: <c>AUTOSHIP_REVIEWER_TOKEN</c> (login read from GitHub, or <c>AUTOSHIP_REVIEWER_LOGIN</c>).
    /// </summary>
    internal static Task<IForge> OpenGitHubAsync(string ownerRepo, ForgeOpenOptions options, CancellationToken cancellationToken)
    {
        // [HOST/]OWNER/REPO as gh spells it; the host (or GH_HOST) picks GitHub Enterprise Server's API unless --api-url says otherwise.
        var all = ownerRepo.Split('/');
        var host = all.Length == 3 ? all[0] : Blank(Environment.GetEnvironmentVariable("GH_HOST"));
        var parts = all[^2..];
        var apiUrl = ApiUrl(options.ApiUrl ?? Blank(Environment.GetEnvironmentVariable("GITHUB_API_URL")), host);
        var clock = options.Clock ?? TimeProvider.System;
        var author = AuthorTokens(options, apiUrl, clock);
        var reviewerToken = Environment.GetEnvironmentVariable("AUTOSHIP_REVIEWER_TOKEN");
        var forgeOptions = new GitHubForgeOptions(parts[0], parts[1], apiUrl, author)
        {
            Reviewer = string.IsNullOrWhiteSpace(reviewerToken) ? null : new StaticTokenSource(reviewerToken),
            ReviewerLogin = Blank(Environment.GetEnvironmentVariable("AUTOSHIP_REVIEWER_LOGIN")),

            Clock = clock,

            // Conditional-request cache kept between scheduled runs (the workflow restores it with actions/cache).
            CacheDirectory = Blank(Environment.GetEnvironmentVariable("AUTOSHIP_CACHE_DIR")),
        };
        return Task.FromResult<IForge>(new GitHubForge(forgeOptions));
    }

    /// <summary>An explicit API root, else <c>https://HOST/api/v3/</c> for an Enterprise host, else api.github.com.</summary>
    internal static Uri ApiUrl(string? explicitRoot, string? host)
    {
        if (explicitRoot is not null)
        {
            return new Uri(explicitRoot.EndsWith('/') ? explicitRoot : explicitRoot + "/");
        }

        return host is null || string.Equals(host, "github.com", StringComparison.OrdinalIgnoreCase) || string.Equals(host, "api.github.com", StringComparison.OrdinalIgnoreCase)
            ? GitHubForgeOptions.PublicApi
            : new Uri($"https://{host}/api/v3/");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static ITokenSource AuthorTokens(ForgeOpenOptions options, Uri apiUrl, TimeProvider clock)
    {
        var appId = Environment.GetEnvironmentVariable("AUTOSHIP_APP_ID");
        if (!string.IsNullOrWhiteSpace(appId))
        {
            var pem = Environment.GetEnvironmentVariable("AUTOSHIP_APP_PRIVATE_KEY");
            var pemFile = Environment.GetEnvironmentVariable("AUTOSHIP_APP_PRIVATE_KEY_FILE");
            if (string.IsNullOrWhiteSpace(pem) && !string.IsNullOrWhiteSpace(pemFile))
            {
                pem = File.ReadAllText(pemFile);
            }

            var installation = Environment.GetEnvironmentVariable("AUTOSHIP_APP_INSTALLATION_ID");
            if (string.IsNullOrWhiteSpace(pem) || !long.TryParse(installation, NumberStyles.Integer, CultureInfo.InvariantCulture, out var installationId))
            {
                throw new CliUsageException("AUTOSHIP_APP_ID is set: also set AUTOSHIP_APP_PRIVATE_KEY (or AUTOSHIP_APP_PRIVATE_KEY_FILE) and AUTOSHIP_APP_INSTALLATION_ID");
            }

            return new GitHubAppTokenSource(appId, pem, installationId, apiUrl, null, clock);
        }

        string[] names = options.TokenEnv is { } named ? [named] : ["GITHUB_TOKEN", "GH_TOKEN"];
        foreach (var name in names)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } token)
            {
                return new StaticTokenSource(token);
            }
        }

        throw new CliUsageException($"no GitHub token: set {string.Join(" or ", names)} (or a GitHub App: AUTOSHIP_APP_ID, AUTOSHIP_APP_PRIVATE_KEY, AUTOSHIP_APP_INSTALLATION_ID)");
    }
}
