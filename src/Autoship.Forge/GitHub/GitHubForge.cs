using System.Collections.Concurrent;
using System.Text;
using Autoship.Core;
using Autoship.Forge.Git;
using Octokit;
using Octokit.Internal;

namespace Autoship.Forge.GitHub;

/// <summary>
/// <see cref="IForge"/> on GitHub: Octokit for REST, one GraphQL query for a tick's observation. Octokit types
/// are mapped to Core records in <see cref="RestMapping"/> and never leave this folder.
/// </summary>
public sealed partial class GitHubForge : IForge
{
    private readonly GitHubForgeOptions _options;
    private readonly UsageCounter _usage = new();
    private readonly HttpMessageHandler _authorHandler;
    private readonly HttpMessageHandler? _reviewerHandler;
    private readonly GitHubClient _author;
    private readonly GitHubClient? _reviewer;
    private readonly HttpClient _raw;
    private readonly ConcurrentDictionary<string, Permission> _permissions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ObservedComments _comments = new();
    private string? _authorLogin;
    private string? _reviewerLogin;

    /// <summary>The options it was opened with (the github-actions executor talks to the same repository as the same identity).</summary>
    public GitHubForgeOptions Options => _options;

    public GitHubForge(GitHubForgeOptions options)
    {
        _options = options with { ApiUrl = WithSlash(options.ApiUrl) };
        _authorLogin = options.AuthorLogin;
        _reviewerLogin = options.ReviewerLogin;
        _authorHandler = GitHubHttp.Build(options.Author, _options.ApiUrl, _usage, options.Resilience, options.Clock, options.Transport, CacheFile(options, "author"));
        _author = CreateClient(_authorHandler);
        _raw = new HttpClient(_authorHandler, disposeHandler: false) { BaseAddress = _options.ApiUrl };
        if (options.Reviewer is { } reviewer)
        {
            _reviewerHandler = GitHubHttp.Build(reviewer, _options.ApiUrl, _usage, options.Resilience, options.Clock, options.Transport, CacheFile(options, "reviewer"));
            _reviewer = CreateClient(_reviewerHandler);
        }
    }

    public string Name => $"github:{Owner}/{Repo}";

    public ForgeUsage Usage => _usage.Snapshot();

    /// <summary>Whether reviews are real PR reviews by a second identity (else an <c>autoship/review</c> status).</summary>
    public bool HasReviewerIdentity => _reviewer is not null;

    private string Owner => _options.Owner;

    private string Repo => _options.Repository;

    /// <summary>The Octokit client of the author identity, for tests that replay recorded scenarios.</summary>
    internal GitHubClient Client => _author;

    /// <summary>The author identity's raw HTTP client (same handler chain), for tests that send recorded bodies verbatim.</summary>
    internal HttpClient Raw => _raw;

    private GitHubClient CreateClient(HttpMessageHandler handler)
    {
        // Octokit's own credentials stay anonymous: the token is set by our handler so GraphQL gets it too.
        var connection = new Connection(
            new ProductHeaderValue("Autoship"),
            _options.ApiUrl,
            new InMemoryCredentialStore(Credentials.Anonymous),
            new HttpClientAdapter(() => new NonDisposingHandler(handler)),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    /// <summary>One ETag file per repository and identity under <see cref="GitHubForgeOptions.CacheDirectory"/>.</summary>
    private static string? CacheFile(GitHubForgeOptions options, string identity) =>
        options.CacheDirectory is null ? null : Path.Combine(options.CacheDirectory, $"github-{options.Owner}-{options.Repository}-{identity}.etags.json");

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    public async Task<Permission> GetPermissionAsync(string login, CancellationToken cancellationToken)
    {
        if (_permissions.TryGetValue(login, out var cached))
        {
            return cached;
        }

        Permission permission;
        try
        {
            var answer = await _author.Repository.Collaborator.ReviewPermission(Owner, Repo, login).WaitAsync(cancellationToken);
            permission = RestMapping.Permission(answer.RoleName ?? answer.Permission);
        }
        catch (NotFoundException)
        {
            permission = Permission.None;
        }
        catch (ApiValidationException)
        {
            // GitHub answers 422 for accounts that cannot be collaborators (bots, ghosts).
            permission = Permission.None;
        }

        _permissions[login] = permission;
        return permission;
    }

    private async Task<Actor> ActorAsync(string? login, CancellationToken cancellationToken) =>
        login is null ? new Actor("ghost", Permission.None) : new Actor(login, await GetPermissionAsync(login, cancellationToken));

    public async Task<GitRemote> GetGitRemoteAsync(CancellationToken cancellationToken)
    {
        var token = await _options.Author.GetTokenAsync(cancellationToken);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        var url = _options.GitRemoteUrl;

        // Given to the git process only through its environment: never in a URL, never in a config file.
        var env = new Dictionary<string, string>
        {
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = $"http.{url.GetLeftPart(UriPartial.Authority)}/.extraheader",
            ["GIT_CONFIG_VALUE_0"] = "AUTHORIZATION: basic " + basic,
            ["GIT_TERMINAL_PROMPT"] = "0",
        };
        return new GitRemote(url.AbsoluteUri, env);
    }

    public async Task PushBranchAsync(string localRepository, string branch, string? expectedRemoteSha, CancellationToken cancellationToken)
    {
        var remote = await GetGitRemoteAsync(cancellationToken);
        var lease = $"--force-with-lease=refs/heads/{branch}:{expectedRemoteSha ?? string.Empty}";
        var result = await GitCli.TryRunAsync(localRepository, ["push", "--porcelain", lease, remote.Url, $"refs/heads/{branch}:refs/heads/{branch}"], remote.Environment, null, cancellationToken);
        if (!result.Ok)
        {
            throw new ForgeException("push-refused", $"git push of {branch} was refused: {result.Stderr.Trim()}");
        }
    }

    public ValueTask DisposeAsync()
    {
        _raw.Dispose();
        _authorHandler.Dispose();
        _reviewerHandler?.Dispose();
        (_options.Author as IDisposable)?.Dispose();
        (_options.Reviewer as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Octokit disposes the handler it is given; ours is shared by REST, GraphQL and the reviewer.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The forge disposes the shared chain.
        }
    }
}
