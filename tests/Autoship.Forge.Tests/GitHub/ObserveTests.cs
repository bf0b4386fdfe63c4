using Autoship.Core;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;

namespace Autoship.Forge.Tests.GitHub;

public sealed class ObserveTests
{
    private static async Task<(RepositorySnapshot Snapshot, LoopbackGitHub Server)> ObserveAsync(bool twoIdentities)
    {
        var server = new LoopbackGitHub(new Answer(200, ObserveFixture.Json));
        server.ByPath["/collaborators/alice/"] = new Answer(200, """{"permission":"admin","role_name":"admin"}""");
        server.ByPath["/collaborators/stranger/"] = new Answer(200, """{"permission":"read","role_name":"read"}""");
        server.ByPath["/collaborators/"] = new Answer(404, """{"message":"Not Found"}""");
        var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t"))
        {
            Reviewer = twoIdentities ? new StaticTokenSource("r") : null,
            ReviewerLogin = "autoship-reviewer",
            AuthorLogin = "autoship-bot",
            Resilience = new ResilienceSettings(MaxRetries: 0),
        });
        await using (forge)
        {
            return (await forge.ObserveAsync(TestContext.Current.CancellationToken), server);
        }
    }

    [Fact]
    public async Task ObserveAsync_OneQuery_MapsIssuesWithLabelProvenance()
    {
        var (snapshot, server) = await ObserveAsync(twoIdentities: true);
        await using var _ = server;

        snapshot.DefaultBranch.ShouldBe("main");
        snapshot.ConfigText.ShouldBe("version: 1\n");
        var issue = snapshot.Issues.ShouldHaveSingleItem();
        issue.HasLabel(Labels.Ready).ShouldBeTrue();
        issue.LastAppliedBy(Labels.Ready).ShouldBe(new Actor("alice", Permission.Admin));
        issue.LabelEvents.Single(e => e.Actor.Login == "stranger").Actor.Permission.ShouldBe(Permission.Read);
        server.Requests.Count(r => r.PathAndQuery == "/graphql").ShouldBe(1);
    }

    [Fact]
    public async Task ObserveAsync_PullRequests_OnlyAutoshipBranchesWithReviewsChecksDeployments()
    {
        var (snapshot, server) = await ObserveAsync(twoIdentities: true);
        await using var _ = server;

        var pr = snapshot.PullRequests.ShouldHaveSingleItem();
        pr.Number.ShouldBe(12);
        pr.Mergeable.ShouldBe(true);
        pr.Files.ShouldHaveSingleItem().ShouldBe(new ChangedFile("README.md", 3, 1));
        pr.Checks.Select(c => (c.Name, c.State)).ShouldBe([("autoship/gate", CheckState.Pending), ("test", CheckState.Success)], ignoreOrder: true);
        pr.Deployments.ShouldHaveSingleItem().State.ShouldBe(DeploymentState.Success);
        pr.Reviews.Single(r => r.Reviewer.Login == "autoship-reviewer").Agent.ShouldBe("qa-reliability-engineer");

        // A person pasting the marker does not speak for an agent.
        pr.Reviews.Single(r => r.Reviewer.Login == "alice").Agent.ShouldBeNull();
    }

    [Fact]
    public async Task ObserveAsync_QueryVariables_AskForAutonomyLabelsAndStaging()
    {
        var (_, server) = await ObserveAsync(twoIdentities: true);
        await using var __ = server;

        var body = server.Requests.First(r => r.PathAndQuery == "/graphql").Body;
        body.ShouldContain("\"autonomy:ready\"");
        body.ShouldContain("\"staging\"");
        server.Requests.First().Headers["Authorization"].ShouldBe("token t");
    }
}
