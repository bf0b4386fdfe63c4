namespace Autoship.Forge.GitHub;

/// <summary>Everything needed to talk to one GitHub repository with one or two identities.</summary>
public sealed record GitHubForgeOptions(string Owner, string Repository, Uri ApiUrl, ITokenSource Author)
{
    public static readonly Uri PublicApi = new("https://api.github.com/");

    /// <summary>The second identity that submits reviews; null when there is only one identity.</summary>
    public ITokenSource? Reviewer { get; init; }

    /// <summary>The reviewer identity's login when known (otherwise read once from <c>GET /user</c>).</summary>
    public string? ReviewerLogin { get; init; }

    /// <summary>The author identity's login when known (a GitHub App's <c>slug[bot]</c>); otherwise read from <c>GET /user</c>.</summary>
    public string? AuthorLogin { get; init; }

    /// <summary>Where the ETag cache is kept between processes (the workflow restores it with actions/cache); null keeps it in memory.</summary>
    public string? CacheDirectory { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ResilienceSettings Resilience { get; init; } = new();

    /// <summary>The innermost handler (tests put a recorder or a loopback here); null means real sockets.</summary>
    public HttpMessageHandler? Transport { get; init; }

    /// <summary>The environment the deployments the staging lane needs go to.</summary>
    public string StagingEnvironment { get; init; } = "staging";

    /// <summary>The git remote; derived from the API URL when null (github.com or GHES <c>/api/v3</c>).</summary>
    public Uri? GitUrl { get; init; }

    public Uri GitRemoteUrl => GitUrl ?? DeriveGitUrl();

    private Uri DeriveGitUrl()
    {
        if (string.Equals(ApiUrl.Host, "api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri($"https://github.com/{Owner}/{Repository}.git");
        }

        var root = ApiUrl.AbsolutePath.EndsWith("/api/v3/", StringComparison.Ordinal) ? ApiUrl.AbsolutePath[..^"api/v3/".Length] : "/";
        return new Uri(new UriBuilder(ApiUrl.Scheme, ApiUrl.Host, ApiUrl.Port, root).Uri, $"{Owner}/{Repository}.git");
    }
}
