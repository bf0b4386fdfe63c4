using Autoship.Forge.GitHub;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>What an idle tick costs in rate-limited requests, counted against a loopback GitHub at scale.</summary>
public sealed class IdleTickCostTests
{
    private static GitHubForge Open(ScaleGitHub github, string cacheDirectory) => new(new GitHubForgeOptions("o", "r", github.Server.Url, new StaticTokenSource("t"))
    {
        CacheDirectory = cacheDirectory,
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    /// <summary>What the reconciler reads in an idle tick: the observation, then each issue's state comment.</summary>
    private static async Task IdleTickAsync(GitHubForge forge, CancellationToken ct)
    {
        var snapshot = await forge.ObserveAsync(ct);
        foreach (var issue in snapshot.Issues)
        {
            (await forge.FindCommentAsync(issue.Number, ScaleGitHub.StateMarker, ct)).ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(250, 20)]
    [InlineData(1_000, 200)]
    public async Task IdleTick_FreshProcessWithThePersistedCache_NoRateLimitedRest(int issues, int pulls)
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = Directory.CreateTempSubdirectory("autoship-etags-").FullName;
        await using var github = new ScaleGitHub(issues, pulls);
        await using (var first = Open(github, cache))
        {
            await IdleTickAsync(first, ct);
        }

        var firstRest = github.RestCharged;
        github.ResetCounts();
        await using (var second = Open(github, cache))
        {
            await IdleTickAsync(second, ct);
        }

        // The first run pays once per distinct login (alice, stranger; with PRs also the bot and the reviewer) and
        // GET /user, plus one page of 100 ready issues for their dependency summaries (none has a blocker, so no
        // blocked_by read): the state comments came with the query.
        firstRest.ShouldBe((pulls == 0 ? 3 : 5) + (issues + 99) / 100);
        github.RestCharged.ShouldBe(0);
        github.RestFree.ShouldBeGreaterThan(0);
        github.GraphQlQueries.ShouldBe(Math.Max((issues + 99) / 100, (pulls + ScaleGitHub.PullsPageSize - 1) / ScaleGitHub.PullsPageSize));
        Directory.Delete(cache, recursive: true);
    }

    [Fact]
    public async Task IdleTick_FreshProcessWithoutCache_PaysOnlyForLoginsNotComments()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = Directory.CreateTempSubdirectory("autoship-etags-").FullName;
        await using var github = new ScaleGitHub(300, 0);
        await using (var forge = Open(github, cache))
        {
            await IdleTickAsync(forge, ct);
        }

        github.Server.Requests.Count(r => r.PathAndQuery.Contains("/comments", StringComparison.Ordinal)).ShouldBe(0);
        github.RestCharged.ShouldBe(3 + 3); // logins and GET /user, and three pages of ready issues' dependency summaries
        Directory.Delete(cache, recursive: true);
    }
}
