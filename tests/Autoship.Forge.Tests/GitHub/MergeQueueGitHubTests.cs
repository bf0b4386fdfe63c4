using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// Issue 12 on GitHub: without a merge queue a PR behind its base is brought up to date (update-branch with the
/// expected head) instead of merged; with GitHub's merge queue the PR's entry and its merge_group commit are observed,
/// so <c>autoship/gate</c> can be reported there. The request shapes are checked against the OpenAPI description by
/// <see cref="OpenApiConformanceTests"/> and the query by <see cref="GraphQlSchemaTests"/>.
/// </summary>
public sealed class MergeQueueGitHubTests
{
    private const string Head = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    private static string PullJson(string mergeableState) =>
        $$"""{"number":5,"node_id":"PR_5","state":"open","title":"t","body":"","user":{"login":"autoship-bot"},"head":{"ref":"autoship/5-x","sha":"{{Head}}"},"base":{"ref":"main","sha":"aaaa"},"merged":false,"mergeable":true,"mergeable_state":"{{mergeableState}}","labels":[],"updated_at":"2026-01-01T00:00:00Z","created_at":"2026-01-01T00:00:00Z"}""";

    private static GitHubForge Open(LoopbackGitHub server) => new(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("author-token"))
    {
        AuthorLogin = "autoship-bot",
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    [Fact]
    public async Task MergeAsync_BranchBehindWithoutMergeQueue_UpdatesTheBranchWithTheExpectedHeadInsteadOfMerging()
    {
        await using var server = new LoopbackGitHub(new Answer(200, PullJson("behind")));
        server.ByPath["/rules/branches/"] = new Answer(200, "[]");
        server.ByPath["/update-branch"] = new Answer(202, """{"message":"Updating pull request branch.","url":"https://github.com/o/r/pull/5"}""");
        await using var forge = Open(server);

        var result = await forge.MergeAsync(5, Head, "t", "m", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(MergeOutcome.BranchUpdated);
        result.Reasons.ShouldHaveSingleItem().Code.ShouldBe("branch-updated");
        var update = server.Requests.Single(r => r.PathAndQuery.EndsWith("/update-branch", StringComparison.Ordinal));
        update.Method.ShouldBe("PUT");
        update.PathAndQuery.ShouldBe("/repos/o/r/pulls/5/update-branch");
        JsonDocument.Parse(update.Body).RootElement.GetProperty("expected_head_sha").GetString().ShouldBe(Head);
        server.Requests.ShouldNotContain(r => r.PathAndQuery.EndsWith("/merge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MergeAsync_BranchUpToDate_MergesWithoutUpdating()
    {
        await using var server = new LoopbackGitHub(new Answer(200, PullJson("clean")));
        server.ByPath["/rules/branches/"] = new Answer(200, "[]");
        server.ByPath["/merge"] = new Answer(200, """{"sha":"bbbb","merged":true,"message":"Pull Request successfully merged"}""");
        await using var forge = Open(server);

        (await forge.MergeAsync(5, Head, "t", "m", TestContext.Current.CancellationToken)).Outcome.ShouldBe(MergeOutcome.Merged);

        server.Requests.ShouldNotContain(r => r.PathAndQuery.EndsWith("/update-branch", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("expected head sha didn't match current head ref.", "head-changed")]
    [InlineData("merge conflict between base and head", "not-mergeable")]
    public async Task UpdateBranchAsync_GitHubRefuses_ReasonNotCrash(string message, string code)
    {
        await using var server = new LoopbackGitHub(new Answer(200, PullJson("behind")));
        server.ByPath["/update-branch"] = new Answer(422, JsonSerializer.Serialize(new { message, documentation_url = "https://docs.github.com" }));
        await using var forge = Open(server);

        var result = await forge.UpdateBranchAsync(5, Head, "main", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(MergeOutcome.Refused);
        result.Reasons.ShouldHaveSingleItem().Code.ShouldBe(code);
        result.Reasons[0].Message.ShouldContain(message);
    }

    [Fact]
    public void PullRequest_InGitHubsMergeQueue_CarriesTheEntryAndTheMergeGroupCommitsStatuses()
    {
        var pull = JsonNode.Parse(ObserveFixture.Json)!["data"]!["pulls"]!["nodes"]![0]!.DeepClone();
        pull["mergeQueueEntry"] = JsonNode.Parse("""
            {"position":3,"state":"AWAITING_CHECKS","headCommit":{"oid":"feedfacefeedfacefeedfacefeedfacefeedface",
             "status":{"contexts":[{"context":"autoship/gate","state":"SUCCESS","description":"merge","targetUrl":null},{"context":"ci","state":"PENDING","description":null,"targetUrl":null}]}}}
            """);
        using var doc = JsonDocument.Parse(pull.ToJsonString());

        var pr = GraphQlMapping.PullRequest(doc.RootElement, [], [], login => new Actor(login ?? "ghost", Permission.Write), null, null);

        pr.ForgeQueue.ShouldBe(new Autoship.Core.Queue.ForgeQueueEntry(3, "AWAITING_CHECKS", "feedfacefeedfacefeedfacefeedfacefeedface"));
        var group = pr.Checks.Where(c => c.Sha == "feedfacefeedfacefeedfacefeedfacefeedface").ToList();
        group.Select(c => (c.Name, c.State)).ShouldBe([("autoship/gate", CheckState.Success), ("ci", CheckState.Pending)]);
    }

    [Fact]
    public void PullRequest_NotQueued_HasNoEntry()
    {
        var pull = JsonNode.Parse(ObserveFixture.Json)!["data"]!["pulls"]!["nodes"]![0]!.DeepClone();
        pull["mergeQueueEntry"] = null;
        using var doc = JsonDocument.Parse(pull.ToJsonString());

        GraphQlMapping.PullRequest(doc.RootElement, [], [], login => new Actor(login ?? "ghost", Permission.Write), null, null).ForgeQueue.ShouldBeNull();
    }

    [Fact]
    public void ProtectionBody_UpToDateRequired_IsStrict()
    {
        var strict = GitHubForge.ProtectionBody(new BranchProtection(true, 1, true, ["ci", "autoship/gate"], false, false, RequireUpToDate: true));
        var loose = GitHubForge.ProtectionBody(new BranchProtection(true, 1, true, ["ci", "autoship/gate"], false, false));

        strict["required_status_checks"]!["strict"]!.GetValue<bool>().ShouldBeTrue();
        loose["required_status_checks"]!["strict"]!.GetValue<bool>().ShouldBeFalse();
    }
}
