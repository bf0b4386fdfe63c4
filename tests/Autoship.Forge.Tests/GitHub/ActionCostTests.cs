using System.Text.Json.Nodes;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;
using Received = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Received;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// What each action of a lane-A item costs after the tick's observation, counted against a loopback GitHub: the forge
/// calls the reconciler makes for it (<c>Reconciler.Attempt.cs</c>, <c>Reconciler.Apply.cs</c>). Writes are one per
/// change GitHub's API needs; reads are the fresh re-checks before acting.
/// </summary>
public sealed class ActionCostTests
{
    private const string Head = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Issue = """{"number":7,"state":"open","title":"t","body":"","user":{"login":"alice"},"labels":[],"assignees":[],"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}""";
    private const string Pull = """{"number":12,"node_id":"PR_12","state":"open","title":"t","body":"","user":{"login":"autoship-bot"},"head":{"ref":"autoship/7-fix-the-docs","sha":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},"base":{"ref":"main","sha":"aaaa"},"merged":false,"labels":[],"updated_at":"2026-01-01T00:00:00Z","created_at":"2026-01-01T00:00:00Z"}""";
    private const string Comment = """{"id":20007,"body":"x","user":{"login":"autoship-bot"},"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}""";

    private static Answer? Answer(Received r)
    {
        var path = r.PathAndQuery;
        if (path == "/graphql")
        {
            if (!r.Body.Contains("query Pull(", StringComparison.Ordinal))
            {
                // Issue #7 with its state comment among the comments read, as after its first tick.
                var page = JsonNode.Parse(ObserveFixture.Json)!;
                page["data"]!["repository"]!["issues"]!["nodes"]![0]!["comments"] = JsonNode.Parse($$"""
                    { "totalCount": 1, "nodes": [ { "databaseId": 20007, "body": "{{ScaleGitHub.StateMarker}}{} -->", "viewerDidAuthor": true, "author": { "login": "autoship-bot" } } ] }
                    """);
                return new Answer(200, page.ToJsonString());
            }

            var pull = JsonNode.Parse(ObserveFixture.Json)!["data"]!["pulls"]!["nodes"]![0]!.DeepClone();
            return new Answer(200, new JsonObject { ["data"] = new JsonObject { ["repository"] = new JsonObject { ["pullRequest"] = pull } } }.ToJsonString());
        }

        return (r.Method, path) switch
        {
            (_, _) when path.Contains("/permission", StringComparison.Ordinal) => new Answer(200, """{"permission":"write","role_name":"write"}"""),
            (_, _) when path.Contains("/rules/branches/", StringComparison.Ordinal) => new Answer(200, "[]"),
            (_, _) when path.Contains("/timeline", StringComparison.Ordinal) => new Answer(200, "[]"),
            (_, _) when path.Contains("/labels", StringComparison.Ordinal) => new Answer(200, "[]"),
            ("PUT", _) when path.EndsWith("/merge", StringComparison.Ordinal) => new Answer(200, """{"sha":"cccc","merged":true,"message":"merged"}"""),
            ("POST", _) when path.Contains("/statuses/", StringComparison.Ordinal) => new Answer(201, """{"id":1,"state":"success","context":"autoship/gate"}"""),
            ("POST", _) when path.EndsWith("/reviews", StringComparison.Ordinal) => new Answer(200, """{"id":1,"state":"APPROVED","user":{"login":"autoship-reviewer"},"commit_id":"bbbb"}"""),
            (_, _) when path.Contains("/comments", StringComparison.Ordinal) => new Answer(201, Comment),
            (_, _) when path.Contains("/pulls", StringComparison.Ordinal) => new Answer(r.Method == "POST" ? 201 : 200, Pull),
            (_, _) when path.Contains("/issues/", StringComparison.Ordinal) => new Answer(200, Issue),
            _ => null,
        };
    }

    public static TheoryData<string, int, int> Actions => new()
    {
        // action, REST reads, writes (REST or GraphQL mutations) — after the observation, which is shared by the tick.
        { "claim", 3, 3 },   // GET issue + timeline (fresh re-check), GET issue (assignees to change); label, assignee, comment
        { "open-pr", 0, 4 }, // create; labels (GitHub's create takes none); reviewer; comment
        { "review", 0, 1 },  // the fresh PR read is one GraphQL query; the review
        { "label", 0, 1 },
        { "status", 0, 1 },
        { "merge", 2, 1 },   // GET PR (head check), GET rules (merge queue?); the squash
        { "comment", 0, 1 }, // the state comment came with the observation: edited in place
        { "close", 2, 2 },   // claim label off; GET issue + timeline (still open?); close
    };

    /// <summary>What the reconciler calls for each action kind (the order and calls of Reconciler.Attempt/Apply).</summary>
    private static async Task RunAsync(GitHubForge forge, string action, CancellationToken ct)
    {
        switch (action)
        {
            case "claim": // StartAttempt: re-read the issue, claim label, assignee, state comment
                await forge.GetIssueAsync(7, ct);
                await forge.AddLabelsAsync(7, [Labels.Claimed], ct);
                await forge.SetAssigneesAsync(7, ["autoship-bot"], ct);
                await forge.UpsertCommentAsync(7, ScaleGitHub.StateMarker, "claimed", ct);
                break;
            case "open-pr": // after the push: the PR with its labels, the reviewer asked, the state comment
                await forge.CreatePullRequestAsync(new NewPullRequest("autoship/7-fix-the-docs", "main", "t", "body", [Labels.LanePrefix + "safe"]), ct);
                await forge.RequestReviewersAsync(12, ["autoship-reviewer"], ct);
                await forge.UpsertCommentAsync(7, ScaleGitHub.StateMarker, "opened", ct);
                break;
            case "review": // re-read the PR, then the review
                var pr = (await forge.GetPullRequestAsync(12, ct))!;
                await forge.SubmitReviewAsync(12, new ReviewSubmission("qa", ReviewVerdict.Approve, "ok", pr.HeadSha), ct);
                break;
            case "label":
                await forge.AddLabelsAsync(12, ["size:xs"], ct);
                break;
            case "status":
                await forge.SetCommitStatusAsync(Head, new CommitStatus(Planner.GateContext, CheckState.Success, "merge", null), ct);
                break;
            case "merge":
                (await forge.MergeAsync(12, Head, "t (#12)", "body", ct)).Outcome.ShouldBe(MergeOutcome.Merged);
                break;
            case "comment":
                await forge.UpsertCommentAsync(7, ScaleGitHub.StateMarker, "state", ct);
                break;
            case "close": // CloseItem: drop the claim, re-read the issue, close it
                await forge.RemoveLabelAsync(7, Labels.Claimed, ct);
                await forge.GetIssueAsync(7, ct);
                await forge.CloseIssueAsync(7, ct);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Action_CostsItsWritesAndTheFreshReadsOnly(string action, int reads, int writes)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new LoopbackGitHub(new Answer(404, """{"message":"Not Found"}""")) { Responder = Answer };
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
        {
            Reviewer = new StaticTokenSource("r"),
            AuthorLogin = "autoship-bot",
            ReviewerLogin = "autoship-reviewer",
            Resilience = new ResilienceSettings(MaxRetries: 0),
        });
        await forge.ObserveAsync(ct);
        var before = server.Requests.Count;

        await RunAsync(forge, action, ct);

        var sent = server.Requests.Skip(before).ToList();
        bool IsWrite(Received r) => r.Method != "GET" && !(r.PathAndQuery == "/graphql" && r.Body.TrimStart().StartsWith("{\"query\":\"query", StringComparison.Ordinal));
        var summary = string.Join("\n", sent.Select(r => $"{r.Method} {r.PathAndQuery}"));
        sent.Count(r => !IsWrite(r) && r.PathAndQuery != "/graphql").ShouldBe(reads, summary);
        sent.Count(IsWrite).ShouldBe(writes, summary);
        sent.Count(r => r.PathAndQuery == "/graphql" && !IsWrite(r)).ShouldBe(action == "review" ? 1 : 0, summary);
    }
}
