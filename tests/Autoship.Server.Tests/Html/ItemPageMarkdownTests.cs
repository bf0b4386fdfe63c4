using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Autoship.Forge.Local;
using Autoship.Server.Hosting;

namespace Autoship.Server.Tests.Html;

public sealed class ItemPageMarkdownTests(DemoForge demo) : IAsyncLifetime
{
    private ServerHost host = null!;

    public async ValueTask InitializeAsync() => host = await ServerHost.StartAsync(demo.Directory, new ServerOptions { RunLoop = false });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ItemPage_MarkdownIssueBody_IsRendered()
    {
        var number = await CreateIssueAsync("Markdown body", "## Steps\n\n1. run `make test`\n2. see [the log](https://ci.example/run/1)\n\n```\nNo module named pytest\n```\n");

        var html = await host.Client().GetStringAsync($"/items/{number}", TestContext.Current.CancellationToken);

        var body = Section(html, "issue-body");
        body.ShouldContain("<h2>Steps</h2>");
        body.ShouldContain("<li>run <code>make test</code></li>");
        body.ShouldContain("<a href=\"https://ci.example/run/1\" rel=\"nofollow noopener noreferrer\">the log</a>");
        body.ShouldContain("<pre><code>No module named pytest");
    }

    [Fact]
    public async Task ItemPage_HostileIssueBody_NothingExecutableReachesThePage()
    {
        var hostile = string.Join("\n\n", MarkdownHtmlTests.Hostile().Select(row => (string)row.Data));
        var number = await CreateIssueAsync("Hostile body", hostile);

        var html = await host.Client().GetStringAsync($"/items/{number}", TestContext.Current.CancellationToken);

        SafeHtml.ShouldBeInert(Section(html, "issue-body"));
        html.ShouldNotContain("<script", Case.Insensitive);
        Regex.Count(html, "<style", RegexOptions.IgnoreCase).ShouldBe(1, "only the page's own style sheet");
        Regex.Count(html, "<form", RegexOptions.IgnoreCase).ShouldBe(0);
        Section(html, "issue-body").ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Fact]
    public async Task ItemPage_MergedItem_ShowsThePullRequestBodyAndReviewComments()
    {
        var html = await host.Client().GetStringAsync("/items/1", TestContext.Current.CancellationToken);

        html.ShouldContain("<h2>Pull request #");
        Section(html, "pr-body").ShouldNotBeEmpty();
        html.ShouldContain("<h2>Review comments</h2>");
        html.ShouldContain("<div class=\"card markdown review\">");
    }

    [Fact]
    public async Task UnknownDashboardPath_Browser_GetsAnHtml404WithALinkBack()
    {
        using var response = await GetAsync("/no/such/page", "text/html,application/xhtml+xml,*/*;q=0.8");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldStartWith("<!doctype html>");
        html.ShouldContain("<h1>Not found</h1>");
        html.ShouldContain("<a href=\"/\">Back to the dashboard</a>");
        html.ShouldContain("<code>/no/such/page</code>");
    }

    [Fact]
    public async Task UnknownItem_Browser_GetsAnHtml404NamingTheIssue()
    {
        using var response = await GetAsync("/items/9999", "text/html");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain("issue #9999 does not exist");
        html.ShouldContain("href=\"/\"");
    }

    [Theory]
    [InlineData("/no/such/page", "application/json")]
    [InlineData("/no/such/page", null)]
    [InlineData("/api/no/such/thing", "text/html")]
    [InlineData("/api/items/9999", "text/html")]
    [InlineData("/items/9999", "application/json")]
    public async Task UnknownPath_ScriptOrApi_KeepsTheJsonProblem(string path, string? accept)
    {
        using var response = await GetAsync(path, accept);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task UnknownRepositoryKey_Browser_GetsTheHtml404()
    {
        using var response = await GetAsync("/repos/nope/items/1", "text/html");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain("this server manages no repository &#39;nope&#39;");
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<int> CreateIssueAsync(string title, string body)
    {
        await using var owner = await LocalForge.OpenAsync(demo.Directory, LocalSample.Owner, TimeProvider.System, CancellationToken.None);
        return (await owner.CreateIssueAsync(title, body, [], CancellationToken.None)).Number;
    }

    private static string Section(string html, string id)
    {
        var match = Regex.Match(html, $"<div class=\"card markdown\" id=\"{id}\">(.*?)</div>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no #{id} on the page");
        return match.Groups[1].Value;
    }
}
