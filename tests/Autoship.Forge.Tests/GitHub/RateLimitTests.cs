using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>GitHub's documented limit answers, served on loopback: what the adapter does and how many requests it sends.</summary>
public sealed class RateLimitTests
{
    private const string Labels = """[{"id":1,"node_id":"x","url":"https://api.github.com/repos/o/r/labels/bug","name":"bug","color":"d73a4a","default":true,"description":"Something isn't working"}]""";

    private static Dictionary<string, string> H(params (string Name, string Value)[] headers) => headers.ToDictionary(h => h.Name, h => h.Value);

    private static GitHubForge Open(LoopbackGitHub server, TimeProvider clock, TimeSpan? attemptTimeout = null) =>
        new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
        {
            Clock = clock,
            Resilience = new ResilienceSettings(MaxRetries: 3, AttemptTimeout: attemptTimeout),
            AuthorLogin = "autoship-bot",
        });

    [Fact]
    public async Task PrimaryLimit_RemainingZero_StopsWithResetTimeAndDoesNotRetry()
    {
        await using var server = new LoopbackGitHub(new Answer(403, """{"message":"API rate limit exceeded for user ID 1."}""",
            H(("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1900000000"), ("x-ratelimit-resource", "core"))));
        var clock = new InstantTimeProvider();
        await using var forge = Open(server, clock);

        var e = await Should.ThrowAsync<ForgeException>(() => forge.ListLabelsAsync(TestContext.Current.CancellationToken));

        e.Code.ShouldBe("rate-limited");
        e.RetryAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1900000000));
        server.Requests.Count.ShouldBe(1);
        forge.Usage.RateLimitRemaining.ShouldBe(0);
        forge.Usage.RateLimitReset.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1900000000));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(403)]
    public async Task SecondaryLimit_RetryAfter_WaitsAsToldThenSucceeds(int status)
    {
        await using var server = new LoopbackGitHub(
            new Answer(status, """{"message":"You have exceeded a secondary rate limit."}""", H(("retry-after", "30"), ("x-ratelimit-remaining", "4000"))),
            new Answer(200, Labels, H(("x-ratelimit-remaining", "3999"))));
        var clock = new InstantTimeProvider();
        await using var forge = Open(server, clock);

        var labels = await forge.ListLabelsAsync(TestContext.Current.CancellationToken);

        labels.Single().Name.ShouldBe("bug");
        server.Requests.Count.ShouldBe(2);
        clock.Waits.ShouldContain(TimeSpan.FromSeconds(30));
        forge.Usage.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task SecondaryLimit_NoRetryAfter_WaitsAtLeastAMinute()
    {
        await using var server = new LoopbackGitHub(
            new Answer(403, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}"""),
            new Answer(200, Labels));
        var clock = new InstantTimeProvider();
        await using var forge = Open(server, clock);

        await forge.ListLabelsAsync(TestContext.Current.CancellationToken);

        server.Requests.Count.ShouldBe(2);
        clock.Waits.ShouldContain(w => w >= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SecondaryLimit_WaitLongerThanAllowed_StopsInsteadOfBlocking()
    {
        await using var server = new LoopbackGitHub(new Answer(429, """{"message":"secondary rate limit"}""", H(("retry-after", "3600"))));
        await using var forge = Open(server, new InstantTimeProvider());

        var e = await Should.ThrowAsync<ForgeException>(() => forge.ListLabelsAsync(TestContext.Current.CancellationToken));

        e.Code.ShouldBe("secondary-rate-limited");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PlainForbidden_IsNotALimit_NotRetried()
    {
        await using var server = new LoopbackGitHub(new Answer(403, """{"message":"Resource not accessible by integration"}""", H(("x-ratelimit-remaining", "4999"))));
        await using var forge = Open(server, new InstantTimeProvider());

        await Should.ThrowAsync<Octokit.ForbiddenException>(() => forge.ListLabelsAsync(TestContext.Current.CancellationToken));

        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ServerErrors_ThenSuccess_RetriedWithBackoff()
    {
        await using var server = new LoopbackGitHub(new Answer(502, "{}"), new Answer(503, "{}"), new Answer(200, Labels));
        var clock = new InstantTimeProvider();
        await using var forge = Open(server, clock);

        var labels = await forge.ListLabelsAsync(TestContext.Current.CancellationToken);

        labels.Count.ShouldBe(1);
        server.Requests.Count.ShouldBe(3);
        clock.Waits.Count(w => w > TimeSpan.Zero).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task ServerErrors_Persisting_GiveUpAfterMaxRetries()
    {
        await using var server = new LoopbackGitHub(new Answer(500, """{"message":"Server Error"}"""));
        await using var forge = Open(server, new InstantTimeProvider());

        await Should.ThrowAsync<Octokit.ApiException>(() => forge.ListLabelsAsync(TestContext.Current.CancellationToken));

        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task ServerError_OnNonRepeatableWrite_NotRetried()
    {
        await using var server = new LoopbackGitHub(new Answer(502, "{}"), new Answer(201, """{"id":1,"body":"x"}"""));
        server.Responder = r => r.Method == "GET" ? new Answer(200, "[]") : null;
        await using var forge = Open(server, new InstantTimeProvider());

        await Should.ThrowAsync<Octokit.ApiException>(() => forge.UpsertCommentAsync(5, "<!-- m -->", "x", TestContext.Current.CancellationToken));

        // A 502 may hide a comment GitHub did create: posting again could duplicate it; the next tick repairs.
        server.Requests.Count(r => r.Method == "POST").ShouldBe(1);
    }

    [Fact]
    public async Task Timeout_Persisting_ForgeExceptionAfterRetries()
    {
        await using var server = new LoopbackGitHub(new Answer(200, Stall: true));
        await using var forge = Open(server, new InstantTimeProvider(), attemptTimeout: TimeSpan.FromMilliseconds(100));

        var e = await Should.ThrowAsync<ForgeException>(() => forge.ListLabelsAsync(TestContext.Current.CancellationToken));

        e.Code.ShouldBe("timeout");
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Timeout_ThenSuccess_Retried()
    {
        await using var server = new LoopbackGitHub(new Answer(200, Stall: true), new Answer(200, Labels));
        await using var forge = Open(server, new InstantTimeProvider(), attemptTimeout: TimeSpan.FromMilliseconds(300));

        var labels = await forge.ListLabelsAsync(TestContext.Current.CancellationToken);

        labels.Count.ShouldBe(1);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ETag_SecondPoll_SendsIfNoneMatchAndA304IsFree()
    {
        await using var server = new LoopbackGitHub(
            new Answer(200, Labels, H(("etag", "\"abc\""), ("x-ratelimit-remaining", "4999"))),
            new Answer(304, string.Empty, H(("etag", "\"abc\""), ("x-ratelimit-remaining", "4999"))));
        await using var forge = Open(server, new InstantTimeProvider());
        var ct = TestContext.Current.CancellationToken;

        var first = await forge.ListLabelsAsync(ct);
        var second = await forge.ListLabelsAsync(ct);

        second.ShouldBe(first);
        server.Requests.Count.ShouldBe(2);
        server.Requests.Last().Headers["If-None-Match"].ShouldBe("\"abc\"");
        forge.Usage.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task GraphQl_ServerErrorThenAnswer_RetriedThroughTheSameHandler()
    {
        await using var server = new LoopbackGitHub(new Answer(502, "{}"), new Answer(200, ObserveFixture.Json));
        await using var forge = Open(server, new InstantTimeProvider());
        server.ByPath["/collaborators/"] = new Answer(200, """{"permission":"write","role_name":"write","user":{"login":"x"}}""");

        var snapshot = await forge.ObserveAsync(TestContext.Current.CancellationToken);

        snapshot.Issues.ShouldNotBeEmpty();
        server.Requests.Count(r => r.PathAndQuery == "/graphql").ShouldBe(2);
    }
}
