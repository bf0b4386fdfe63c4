using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge.GitHub;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>The adapter against traffic recorded from real GitHub (<c>@octokit/fixtures</c>), replayed on loopback.</summary>
public sealed class ReplayTests(FixturesServer server) : IClassFixture<FixturesServer>
{
    private const string Token = "0000000000000000000000000000000000000001";
    private const string Org = "octokit-fixture-org";

    private async Task<(GitHubForge Forge, RequestLog Form)> OpenAsync(string scenario, string? repository = null)
    {
        var api = await server.LoadAsync(scenario);
        var form = new RequestLog(new SocketsHttpHandler { AllowAutoRedirect = false });
        var options = new GitHubForgeOptions(Org, repository ?? scenario, api, new StaticTokenSource(Token))
        {
            Transport = form,
            AuthorLogin = "octokit-fixture-user-a",
            Resilience = new ResilienceSettings(MaxRetries: 0),
        };
        return (new GitHubForge(options), form);
    }

    /// <summary>Runs a scenario step, showing every request and refusal when the replay does not match.</summary>
    private static async Task<T> Step<T>(RequestLog form, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is not Shouldly.ShouldAssertException)
        {
            throw new InvalidOperationException("replay did not match:\n" + form, e);
        }
    }

    private static Task Step(RequestLog form, Func<Task> step) => Step(form, async () =>
    {
        await step();
        return 0;
    });

    [Fact]
    public async Task Labels_RecordedScenario_ListCreateUpdateDelete()
    {
        var (forge, form) = await OpenAsync("labels");
        await using var _ = forge;
        var ct = TestContext.Current.CancellationToken;

        await Step(form, async () =>
        {
            var labels = await forge.ListLabelsAsync(ct);
            labels.ShouldNotBeEmpty();
            labels.ShouldAllBe(l => l.Color.Length == 6);

            await forge.UpsertLabelAsync(new LabelDefinition("test-label", "663399", string.Empty), ct);
            var created = await forge.Client.Issue.Labels.Get(Org, "labels", "test-label");
            created.Color.ShouldBe("663399");
            var renamed = await forge.PatchLabelAsync("test-label", "test-label-updated", "BADA55", null, ct);
            renamed.Name.ShouldBe("test-label-updated");
            await forge.DeleteLabelAsync("test-label-updated", ct);
        });

        forge.Usage.Requests.ShouldBe(5);
    }

    [Fact]
    public async Task AddLabels_RecordedScenario_SendsTheLabelsAsRecorded()
    {
        var (forge, log) = await OpenAsync("add-labels-to-issue");
        await using var _ = forge;
        var ct = TestContext.Current.CancellationToken;

        await Step(log, async () =>
        {
            // Octokit's NewIssue adds empty lists to the body; the recording has only the title.
            var issue = await SendAsync<Octokit.Issue>(forge, HttpMethod.Post, $"repos/{Org}/add-labels-to-issue/issues", """{"title":"Issue without a label"}""", ct);
            await forge.AddLabelsAsync(issue.Number, ["Foo", "bAr", "baZ"], ct);
        });

        forge.Usage.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task CommitStatus_RecordedScenario_WritesAndReadsBack()
    {
        var (forge, log) = await OpenAsync("create-status");
        await using var _ = forge;
        var ct = TestContext.Current.CancellationToken;
        var sha = "0000000000000000000000000000000000000001";

        await Step(log, async () =>
        {
            await forge.SetCommitStatusAsync(sha, new CommitStatus("example/1", CheckState.Failure, "create-status failure test", "https://example.com"), ct);
            await forge.SetCommitStatusAsync(sha, new CommitStatus("example/2", CheckState.Success, "create-status success test", "https://example.com"), ct);
            var all = await forge.Client.Repository.Status.GetAll(Org, "create-status", sha);
            all.Select(s => RestMapping.Check(s, sha).State).ShouldBe([CheckState.Success, CheckState.Failure], ignoreOrder: true);
            var combined = await forge.Client.Repository.Status.GetCombined(Org, "create-status", sha);
            var checks = combined.Statuses.Select(s => RestMapping.Check(s, sha)).ToList();
            checks.Single(c => c.Name == "example/1").State.ShouldBe(CheckState.Failure);
            checks.Single(c => c.Name == "example/2").State.ShouldBe(CheckState.Success);
        });
    }

    [Fact]
    public async Task BranchProtection_RecordedScenario_MissingIsNullAndSettingsMap()
    {
        var (forge, log) = await OpenAsync("branch-protection");
        await using var _ = forge;
        var ct = TestContext.Current.CancellationToken;
        const string repo = "branch-protection";

        await Step(log, async () =>
        {
            (await forge.GetBranchProtectionAsync("main", ct)).ShouldBeNull();

            // The recorded PUTs carry octokit.js's bodies, not ours (ours is checked against the REST description):
            // they are sent verbatim through the adapter's HTTP stack, and GitHub's real answers go through our mapping.
            var path = $"repos/{Org}/{repo}/branches/main/protection";
            var bare = await PutAsync(forge, path, """{"required_status_checks":null,"required_pull_request_reviews":null,"restrictions":null,"enforce_admins":false}""", ct);
            RestMapping.Protection(bare).RequiredChecks.ShouldBeEmpty();
            var full = await PutAsync(forge, path, """{"required_status_checks":{"strict":true,"contexts":["foo/bar"]},"required_pull_request_reviews":{"dismissal_restrictions":{"users":["octokit-fixture-user-a"],"teams":[]},"dismiss_stale_reviews":true,"require_code_owner_reviews":false},"restrictions":{"users":["octokit-fixture-user-a"],"teams":["a-team"]},"enforce_admins":true}""", ct);
            var mapped = RestMapping.Protection(full);
            mapped.RequirePullRequest.ShouldBeTrue();
            mapped.RequiredChecks.ShouldBe(["foo/bar"]);
            mapped.DismissStaleReviews.ShouldBeTrue();
            await forge.Client.Repository.Branch.DeleteBranchProtection(Org, repo, "main");
        });
    }

    private static Task<Octokit.BranchProtectionSettings> PutAsync(GitHubForge forge, string path, string json, CancellationToken ct) =>
        SendAsync<Octokit.BranchProtectionSettings>(forge, HttpMethod.Put, path, json, ct);

    private static async Task<T> SendAsync<T>(GitHubForge forge, HttpMethod method, string path, string json, CancellationToken ct)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.ParseAdd("application/vnd.github.v3+json");
        using var response = await forge.Raw.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return RestMapping.Deserialize<T>(text);
    }

    [Fact]
    public async Task SearchIssues_RecordedScenario_MapsIssues()
    {
        var (forge, log) = await OpenAsync("search-issues");
        await using var _ = forge;

        // Octokit's SearchIssues adds paging and order parameters the recording lacks; the same endpoint bare:
        var result = await Step(log, () => new Octokit.ApiConnection(forge.Client.Connection).Get<Octokit.SearchIssuesResult>(
            new Uri("search/issues", UriKind.Relative), new Dictionary<string, string> { ["q"] = $"sesame repo:{Org}/search-issues" }));
        var issues = result.Items.Select(i => RestMapping.Issue(i, [])).ToList();
        issues.ShouldNotBeEmpty();
        issues.ShouldAllBe(i => i.Number > 0 && i.Title.Length > 0);
    }

    [Fact]
    public async Task PaginateIssues_RecordedScenario_FollowsLinkHeadersAndCountsRequests()
    {
        var (forge, log) = await OpenAsync("paginate-issues");
        await using var _ = forge;

        // Octokit's GetAllForRepository adds default filters the recording lacks; its pager is the same.
        var issues = await Step(log, () => new Octokit.ApiConnection(forge.Client.Connection).GetAll<Octokit.Issue>(
            new Uri($"repos/{Org}/paginate-issues/issues", UriKind.Relative), null, new Octokit.ApiOptions { PageSize = 3 }));

        issues.Count.ShouldBeGreaterThan(12);
        issues.Select(i => i.Number).Distinct().Count().ShouldBe(issues.Count);
        forge.Usage.Requests.ShouldBe(5);
    }

    [Fact]
    public async Task Errors_RecordedValidationFailure_BecomesForgeExceptionWithGitHubsReason()
    {
        var (forge, _) = await OpenAsync("errors");
        await using var __ = forge;

        var e = await Should.ThrowAsync<ForgeException>(() => forge.UpsertLabelAsync(new LabelDefinition("foo", "invalid", string.Empty), TestContext.Current.CancellationToken));

        e.Code.ShouldBe("validation-failed");
        e.Message.ShouldContain("Validation Failed");
        e.Message.ShouldContain("color");
    }

    [Fact]
    public async Task RenameRepository_RecordedRedirects_AreFollowed()
    {
        var (forge, log) = await OpenAsync("rename-repository");
        await using var _ = forge;
        var ct = TestContext.Current.CancellationToken;
        const string repo = "rename-repository";

        await Step(log, async () =>
        {
            await forge.Client.Repository.Edit(Org, repo, new Octokit.RepositoryUpdate { Name = "rename-repository-newname" });

            // 301 from the old name to /repositories/1000, read through the adapter.
            var settings = await forge.GetRepositorySettingsAsync(ct);
            settings.DefaultBranch.ShouldNotBeNullOrEmpty();

            // 307 keeps the method and body.
            var edited = await forge.Client.Repository.Edit(Org, repo, new Octokit.RepositoryUpdate { Name = "rename-repository-newname", Description = "test description" });
            edited.Name.ShouldBe("rename-repository-newname");
        });
        forge.Usage.Requests.ShouldBe(5);
    }
}
