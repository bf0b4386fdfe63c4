using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// Every REST request the adapter makes, checked against GitHub's official description; every answer is the
/// description's own example for that operation, so our mapping parses GitHub's documented shapes.
/// </summary>
public sealed class OpenApiConformanceTests
{
    private const string EnqueueAnswer = """{"data":{"enqueuePullRequest":{"mergeQueueEntry":{"id":"MQE_1","position":1}}}}""";

    /// <summary>The path and line (<c>line</c>, else <c>original_line</c>) of the first review comment in the description's example of <c>GET …/pulls/{pull_number}/comments</c>.</summary>
    private static (string Path, int? Line) ReviewCommentExample()
    {
        var api = OpenApiDescription.Instance;
        var (_, operation) = api.Find("GET", "/repos/octocat/hello-world/pulls/1347/comments").ShouldNotBeNull();
        var (_, json) = api.Example(operation);
        var first = System.Text.Json.JsonDocument.Parse(json.ShouldNotBeNull()).RootElement[0];
        int? Number(string name) => first.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetInt32() : null;
        var line = Number("line") ?? Number("original_line");
        line.ShouldNotBeNull("the example carries a line for the test to compare");
        return (first.GetProperty("path").GetString()!, line);
    }

    private static LoopbackGitHub Stub(OpenApiDescription api)
    {
        var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}"""));
        server.Responder = r =>
        {
            if (r.PathAndQuery.StartsWith("/graphql", StringComparison.Ordinal))
            {
                return new Answer(200, r.Body.Contains("enqueuePullRequest", StringComparison.Ordinal) ? EnqueueAnswer
                    : r.Body.Contains("query Pull(", StringComparison.Ordinal) ? PullAnswer(1347) : ObserveFixture.Json);
            }

            var path = Uri.UnescapeDataString(new Uri("http://x" + r.PathAndQuery).AbsolutePath);
            if (api.Find(r.Method, path) is not { } found)
            {
                return new Answer(404, """{"message":"Not Found"}""");
            }

            var (status, json) = api.Example(found.Operation);
            return new Answer(status, json ?? string.Empty);
        };
        return server;
    }

    /// <summary>The one-PR read is GraphQL now (checked against the schema by <see cref="GraphQlSchemaTests"/>): the fixture's PR.</summary>
    private static string PullAnswer(int number)
    {
        var pull = System.Text.Json.Nodes.JsonNode.Parse(ObserveFixture.Json)!["data"]!["pulls"]!["nodes"]![0]!.DeepClone();
        pull["number"] = number;
        pull["headRefOid"] = "6dcb09b5b57875f334f61aebed695e2e4193db5e"; // the REST description's example head, which the merge checks
        return new System.Text.Json.Nodes.JsonObject { ["data"] = new System.Text.Json.Nodes.JsonObject { ["repository"] = new System.Text.Json.Nodes.JsonObject { ["pullRequest"] = pull } } }.ToJsonString();
    }

    private static GitHubForge Open(LoopbackGitHub server, bool twoIdentities) => new(new GitHubForgeOptions("octocat", "hello-world", server.Url, new StaticTokenSource("a"))
    {
        Reviewer = twoIdentities ? new StaticTokenSource("r") : null,
        Resilience = new ResilienceSettings(MaxRetries: 0),
    });

    [Fact]
    public async Task EveryAdapterRequest_MatchesGitHubsRestDescription()
    {
        var api = OpenApiDescription.Instance;
        await using var server = Stub(api);
        var ct = TestContext.Current.CancellationToken;
        await using (var forge = Open(server, twoIdentities: true))
        {
            await RunEveryOperationAsync(forge, ct);
        }

        await using (var single = Open(server, twoIdentities: false))
        {
            await single.SubmitReviewAsync(1347, new ReviewSubmission("qa", ReviewVerdict.Approve, "ok", "6dcb09b5b57875f334f61aebed695e2e4193db5e"), ct);
        }

        var rest = server.Requests.Where(r => !r.PathAndQuery.StartsWith("/graphql", StringComparison.Ordinal)).ToList();
        var problems = rest.SelectMany(r => OpenApiConformance.Problems(api, r)).Distinct().ToList();
        problems.ShouldBeEmpty(string.Join("\n", problems));

        // The check must have seen the operations the adapter depends on, or it proves nothing.
        var operations = rest.Select(r => $"{r.Method} {api.Find(r.Method, Uri.UnescapeDataString(new Uri("http://x" + r.PathAndQuery).AbsolutePath))?.Template}").ToHashSet();
        string[] expected =
        [
            "GET /repos/{owner}/{repo}/pulls/{pull_number}", "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge",
            "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", "POST /repos/{owner}/{repo}/statuses/{sha}", "GET /repos/{owner}/{repo}/issues/{issue_number}",
            "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline", "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
            "GET /repos/{owner}/{repo}/labels", "POST /repos/{owner}/{repo}/labels", "DELETE /repos/{owner}/{repo}/labels/{name}",
            "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", "GET /repos/{owner}/{repo}/branches/{branch}/protection",
            "PUT /repos/{owner}/{repo}/branches/{branch}/protection", "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
            "POST /repos/{owner}/{repo}/pulls", "PATCH /repos/{owner}/{repo}", "GET /repos/{owner}/{repo}/rules/branches/{branch}",
            "GET /repos/{owner}/{repo}/git/ref/{ref}", "POST /repos/{owner}/{repo}/git/tags", "POST /repos/{owner}/{repo}/git/refs",
            "GET /repos/{owner}/{repo}/git/matching-refs/{ref}", "DELETE /repos/{owner}/{repo}/git/refs/{ref}",
            "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch", "GET /repos/{owner}/{repo}/issues", "POST /repos/{owner}/{repo}/issues",
            "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
        ];
        expected.Except(operations).ShouldBeEmpty();
    }

    private static async Task RunEveryOperationAsync(GitHubForge forge, CancellationToken ct)
    {
        var pr = (await forge.GetPullRequestAsync(1347, ct)).ShouldNotBeNull();
        pr.Number.ShouldBe(1347);
        pr.HeadSha.ShouldNotBeNullOrEmpty();
        pr.Files.ShouldNotBeEmpty();
        pr.Reviews.ShouldNotBeEmpty();
        pr.Reviews.ShouldAllBe(r => r.CommitSha.Length == 40);
        pr.Checks.ShouldContain(c => c.Name == "test");
        pr.Deployments.ShouldNotBeEmpty();

        var issue = (await forge.GetIssueAsync(1347, ct)).ShouldNotBeNull();
        issue.Title.ShouldNotBeNullOrEmpty();
        (await forge.GetPermissionAsync("octocat", ct)).ShouldBe(Permission.Admin);
        // The description's own example for a file carries invalid base64 (a literal "\n"): a reason, not a crash.
        (await Should.ThrowAsync<ForgeException>(() => forge.ReadFileAsync("README.md", null, ct))).Code.ShouldBe("unreadable-file");
        await Should.ThrowAsync<ForgeException>(() => forge.ReadFileAsync("README.md", "main", ct));

        await forge.AddLabelsAsync(1347, ["autonomy:claimed"], ct);
        await forge.RemoveLabelAsync(1347, "autonomy:ready", ct);
        await forge.SetAssigneesAsync(1347, ["hubot"], ct);
        await forge.UpsertCommentAsync(1347, "<!-- autoship:item -->", "claimed", ct);
        await forge.FindCommentAsync(1347, "<!-- autoship:item -->", ct);
        // A fix forward's read of the PR's comments (conversation and inline), each author's access from the permission read.
        var comments = await forge.ListPullRequestCommentsAsync(1347, ct);
        comments.ShouldContain(c => c.Path == null && c.Body.Length > 0);
        comments.ShouldContain(c => c.Path != null && c.Body.Length > 0);
        // path and line (or original_line) as the description's example of a review comment gives them.
        var example = ReviewCommentExample();
        comments.ShouldContain(c => c.Path == example.Path && c.Line == example.Line, "the inline comment names its file and line");
        comments.ShouldAllBe(c => c.Author.Permission == Permission.Admin, "the description's permission example answers admin for every login");
        await forge.CloseIssueAsync(1347, ct);
        (await forge.UpsertMarkedIssueAsync("<!-- autoship:main-red -->", "main is red", "<!-- autoship:main-red -->\nci failed", ["autonomy:ready", "area:test"], ct)).ShouldBeGreaterThan(0);
        // The dashboard's read: the same checked list request, narrowed by its label; the examples hold no marked issue.
        (await forge.FindMarkedIssueAsync("<!-- autoship:dashboard -->", "autoship:dashboard", ct)).ShouldBeNull();

        var created = await forge.CreatePullRequestAsync(new NewPullRequest("autoship/7-docs", "main", "docs", "body", ["size:xs"]), ct);
        created.Number.ShouldBeGreaterThan(0);
        await forge.UpdatePullRequestAsync(1347, "title", "body", ct);
        await forge.ClosePullRequestAsync(1347, ct);
        await forge.SubmitReviewAsync(1347, new ReviewSubmission("qa", ReviewVerdict.Approve, "looks right", pr.HeadSha), ct);
        await forge.SubmitReviewAsync(1347, new ReviewSubmission("qa", ReviewVerdict.RequestChanges, "no", pr.HeadSha), ct);
        await forge.RequestReviewersAsync(1347, ["octocat"], ct);
        await forge.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("autoship/gate", CheckState.Pending, new string('x', 300), null), ct);
        await forge.SetCommitStatusAsync(pr.HeadSha, new CommitStatus("autoship/gate", CheckState.Success, "merge", "https://autoship.example/explain/1347"), ct);
        var merged = await forge.MergeAsync(1347, pr.HeadSha, "docs: fix (#1347)", "body", ct);
        merged.Outcome.ShouldBeOneOf(MergeOutcome.Merged, MergeOutcome.Enqueued);
        (await forge.UpdateBranchAsync(1347, pr.HeadSha, "main", ct)).Outcome.ShouldBe(MergeOutcome.BranchUpdated);
        await forge.DeleteBranchAsync("autoship/7-docs", ct);
        // The description's example answers every POST /git/refs with 201, so the claim is won here; the 422 path is in ClaimRefTests.
        (await forge.ClaimAsync(ForgeClaim.ForAttempt(1347, 1, "host/abc", "main"), ct)).Created.ShouldBeTrue();
        await forge.ReleaseClaimsAsync(1347, ct);

        (await forge.ListLabelsAsync(ct)).ShouldContain(l => l.Name == "bug");
        await forge.UpsertLabelAsync(new LabelDefinition("autonomy:ready", "0e8a16", "Ready for an agent"), ct);
        await forge.PatchLabelAsync("autonomy:ready", "autonomy:ready", "0e8a16", "Ready for an agent", ct);
        await forge.DeleteLabelAsync("wontfix", ct);
        var protection = (await forge.GetBranchProtectionAsync("main", ct)).ShouldNotBeNull();
        protection.RequiredChecks.ShouldNotBeEmpty();
        await forge.SetBranchProtectionAsync("main", new BranchProtection(true, 1, true, ["test", "autoship/gate"], false, false), ct);
        await forge.SetBranchProtectionAsync("main", new BranchProtection(false, 0, false, [], false, false), ct);
        var settings = await forge.GetRepositorySettingsAsync(ct);
        settings.DefaultBranch.ShouldBe("master");
        await forge.SetRepositorySettingsAsync(true, true, ct);
        await forge.ObserveAsync(ct);
    }
}
