using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

public sealed class WriteTests
{
    private const string Head = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private const string PullJson = """{"number":5,"node_id":"PR_5","state":"open","title":"t","body":"","user":{"login":"autoship-bot"},"head":{"ref":"autoship/5-x","sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e"},"base":{"ref":"main","sha":"aaaa"},"merged":false,"labels":[],"updated_at":"2026-01-01T00:00:00Z","created_at":"2026-01-01T00:00:00Z"}""";

    private static GitHubForge Open(LoopbackGitHub server, ITokenSource? reviewer = null) => new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("author-token"))
    {
        Reviewer = reviewer,
        AuthorLogin = "autoship-bot",
        ReviewerLogin = "autoship-reviewer",
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    [Theory]
    [InlineData(405, "Pull Request is not mergeable", "not-mergeable")]
    [InlineData(409, "Head branch was modified. Review and try the merge again.", "head-changed")]
    [InlineData(405, "At least 1 approving review is required by reviewers with write access.", "required-review-missing")]
    [InlineData(405, "Required status check \"test\" is expected.", "required-check-missing")]
    public async Task MergeAsync_GitHubRefuses_ReasonNotCrash(int status, string message, string code)
    {
        await using var server = new LoopbackGitHub(new Answer(200, PullJson));
        server.ByPath["/rules/branches/"] = new Answer(200, "[]");
        server.ByPath["/merge"] = new Answer(status, JsonSerializer.Serialize(new { message, documentation_url = "https://docs.github.com" }));
        await using var forge = Open(server);

        var result = await forge.MergeAsync(5, Head, "t", "m", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(MergeOutcome.Refused);
        result.Reasons.ShouldHaveSingleItem().Code.ShouldBe(code);
    }

    [Fact]
    public async Task MergeAsync_SquashesWithExpectedHead()
    {
        await using var server = new LoopbackGitHub(new Answer(200, PullJson));
        server.ByPath["/rules/branches/"] = new Answer(200, "[]");
        server.ByPath["/merge"] = new Answer(200, """{"sha":"bbbb","merged":true,"message":"Pull Request successfully merged"}""");
        await using var forge = Open(server);

        var result = await forge.MergeAsync(5, Head, "title (#5)", "body", TestContext.Current.CancellationToken);

        result.ShouldBe(new MergeResult(MergeOutcome.Merged, "bbbb", []), new MergeResultComparer());
        using var body = JsonDocument.Parse(server.Requests.Single(r => r.PathAndQuery.EndsWith("/merge", StringComparison.Ordinal)).Body);
        body.RootElement.GetProperty("sha").GetString().ShouldBe(Head);
        body.RootElement.GetProperty("merge_method").GetString().ShouldBe("squash");
    }

    [Fact]
    public async Task MergeAsync_HeadMovedBeforeMerging_RefusedWithoutMergeRequest()
    {
        await using var server = new LoopbackGitHub(new Answer(200, PullJson));
        await using var forge = Open(server);

        var result = await forge.MergeAsync(5, "ffffffffffffffffffffffffffffffffffffffff", "t", "m", TestContext.Current.CancellationToken);

        result.Reasons.ShouldHaveSingleItem().Code.ShouldBe("head-changed");
        server.Requests.ShouldNotContain(r => r.PathAndQuery.EndsWith("/merge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MergeAsync_BranchRequiresMergeQueue_Enqueued()
    {
        await using var server = new LoopbackGitHub(new Answer(200, PullJson));
        server.ByPath["/rules/branches/"] = new Answer(200, """[{"type":"merge_queue","ruleset_source_type":"Repository","ruleset_source":"o/r","ruleset_id":1}]""");
        server.ByPath["/graphql"] = new Answer(200, """{"data":{"enqueuePullRequest":{"mergeQueueEntry":{"id":"MQE","position":1}}}}""");
        await using var forge = Open(server);

        var result = await forge.MergeAsync(5, Head, "t", "m", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(MergeOutcome.Enqueued);
        var mutation = server.Requests.Single(r => r.PathAndQuery == "/graphql").Body;
        mutation.ShouldContain("enqueuePullRequest");
        mutation.ShouldContain("PR_5");
        mutation.ShouldContain(Head);
    }

    [Fact]
    public async Task SubmitReviewAsync_TwoIdentities_RealReviewAsReviewerWithMarker()
    {
        await using var server = new LoopbackGitHub(new Answer(200, """{"id":1,"user":{"login":"autoship-reviewer"},"state":"APPROVED","commit_id":"x","body":""}"""));
        await using var forge = Open(server, new StaticTokenSource("reviewer-token"));

        await forge.SubmitReviewAsync(5, new ReviewSubmission("qa-reliability-engineer", ReviewVerdict.Approve, "Looks right.", Head), TestContext.Current.CancellationToken);

        var request = server.Requests.Single();
        request.PathAndQuery.ShouldBe("/repos/o/r/pulls/5/reviews");
        request.Headers["Authorization"].ShouldBe("token reviewer-token");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("event").GetString().ShouldBe("APPROVE");
        body.RootElement.GetProperty("commit_id").GetString().ShouldBe(Head);
        body.RootElement.GetProperty("body").GetString().ShouldStartWith("<!-- autoship:review agent=qa-reliability-engineer -->");
    }

    [Fact]
    public async Task SubmitReviewAsync_OneIdentity_BecomesReviewStatus()
    {
        await using var server = new LoopbackGitHub(new Answer(201, """{"id":1,"state":"success","context":"autoship/review"}"""));
        await using var forge = Open(server);

        await forge.SubmitReviewAsync(5, new ReviewSubmission("qa", ReviewVerdict.RequestChanges, "No.", Head), TestContext.Current.CancellationToken);

        var request = server.Requests.Single();
        request.PathAndQuery.ShouldBe($"/repos/o/r/statuses/{Head}");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("context").GetString().ShouldBe("autoship/review");
        body.RootElement.GetProperty("state").GetString().ShouldBe("failure");
    }

    [Fact]
    public async Task SetCommitStatusAsync_LongDescription_TruncatedTo140()
    {
        await using var server = new LoopbackGitHub(new Answer(201, """{"id":1,"state":"pending","context":"autoship/gate"}"""));
        await using var forge = Open(server);

        await forge.SetCommitStatusAsync(Head, new CommitStatus("autoship/gate", CheckState.Pending, new string('w', 500), null), TestContext.Current.CancellationToken);

        using var body = JsonDocument.Parse(server.Requests.Single().Body);
        body.RootElement.GetProperty("description").GetString()!.Length.ShouldBe(140);
        body.RootElement.TryGetProperty("target_url", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task UpsertCommentAsync_OwnMarkedCommentExists_EditedInPlace()
    {
        await using var server = new LoopbackGitHub(new Answer(200, "{}"));
        server.ByPath["/issues/5/comments"] = new Answer(200, """[{"id":9,"body":"<!-- autoship:item -->\nold","user":{"login":"stranger"}},{"id":10,"body":"<!-- autoship:item -->\nold","user":{"login":"autoship-bot"}}]""");
        server.ByPath["/issues/comments/10"] = new Answer(200, """{"id":10,"body":"x","user":{"login":"autoship-bot"}}""");
        await using var forge = Open(server);

        await forge.UpsertCommentAsync(5, "<!-- autoship:item -->", "new", TestContext.Current.CancellationToken);

        var edit = server.Requests.Single(r => r.Method == "PATCH");
        edit.PathAndQuery.ShouldBe("/repos/o/r/issues/comments/10");
        server.Requests.ShouldNotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task GetGitRemoteAsync_TokenOnlyInGitEnvironment()
    {
        await using var server = new LoopbackGitHub(new Answer(200, "{}"));
        await using var forge = Open(server);

        var remote = await forge.GetGitRemoteAsync(TestContext.Current.CancellationToken);

        remote.Url.ShouldNotContain("author-token");
        remote.Environment["GIT_CONFIG_KEY_0"].ShouldEndWith(".extraheader");
        var header = remote.Environment["GIT_CONFIG_VALUE_0"];
        header.ShouldStartWith("AUTHORIZATION: basic ");
        Encoding.UTF8.GetString(Convert.FromBase64String(header["AUTHORIZATION: basic ".Length..])).ShouldBe("x-access-token:author-token");
    }

    [Fact]
    public async Task AppTokenSource_MintsWithRs256JwtAndRenewsBeforeExpiry()
    {
        using var rsa = RSA.Create(2048);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = new LoopbackGitHub(
            new Answer(201, """{"token":"ghs_one","expires_at":"2026-01-01T01:00:00Z"}"""),
            new Answer(201, """{"token":"ghs_two","expires_at":"2026-01-01T02:00:00Z"}"""));
        using var handler = new SocketsHttpHandler();
        using var source = new GitHubAppTokenSource("123", rsa.ExportRSAPrivateKeyPem(), 42, server.Url, handler, clock);
        var ct = TestContext.Current.CancellationToken;

        (await source.GetTokenAsync(ct)).ShouldBe("ghs_one");
        clock.Advance(TimeSpan.FromMinutes(50));
        (await source.GetTokenAsync(ct)).ShouldBe("ghs_one");
        clock.Advance(TimeSpan.FromMinutes(6));
        (await source.GetTokenAsync(ct)).ShouldBe("ghs_two");

        var first = server.Requests.First();
        first.PathAndQuery.ShouldBe("/app/installations/42/access_tokens");
        var jwt = first.Headers["Authorization"]["Bearer ".Length..].Split('.');
        rsa.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), FromBase64Url(jwt[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
        using var payload = JsonDocument.Parse(FromBase64Url(jwt[1]));
        payload.RootElement.GetProperty("iss").GetString().ShouldBe("123");
        (payload.RootElement.GetProperty("exp").GetInt64() - payload.RootElement.GetProperty("iat").GetInt64()).ShouldBeLessThanOrEqualTo(600);
    }

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '='));
    }

    private sealed class MergeResultComparer : IEqualityComparer<MergeResult>
    {
        public bool Equals(MergeResult? x, MergeResult? y) => x!.Outcome == y!.Outcome && x.MergeCommitSha == y.MergeCommitSha && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(MergeResult obj) => obj.Outcome.GetHashCode();
    }
}
