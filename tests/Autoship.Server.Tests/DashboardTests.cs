using System.Net;
using System.Text.Json;
using Autoship.Forge.Local;
using Autoship.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Autoship.Server.Tests;

public sealed class DashboardTests(DemoForge demo) : IAsyncLifetime
{
    private ServerHost host = null!;

    public async ValueTask InitializeAsync() => host = await ServerHost.StartAsync(demo.Directory, new ServerOptions { RunLoop = false });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Overview_DemoForge_ShowsLanesControlsAndReasons()
    {
        var html = await host.Client().GetStringAsync("/", TestContext.Current.CancellationToken);

        html.ShouldContain("Lane A · safe");
        html.ShouldContain("Lane B · staging");
        html.ShouldContain("Lane C · human");
        html.ShouldContain("Pause everything (kill switch)");
        html.ShouldContain("the issue has 2 area labels (area:api, area:web)");
        html.ShouldContain("What a human must do:");
        html.ShouldContain("qa-reliability-engineer");
        html.ShouldContain("Last ticks");
    }

    [Fact]
    public async Task ItemPage_SkippedIssue_ShowsTheSameContentAsExplain()
    {
        var html = await host.Client().GetStringAsync("/items/9", TestContext.Current.CancellationToken);

        html.ShouldContain("Show the user&#39;s name in the web header");
        html.ShouldContain("Not taken by any agent.");
        html.ShouldContain("(multiple-areas)");
        html.ShouldContain("History");
    }

    [Fact]
    public async Task ItemPage_MergedIssue_ShowsAgentRunsAndHistory()
    {
        var html = await host.Client().GetStringAsync("/items/1", TestContext.Current.CancellationToken);

        html.ShouldContain("Agent runs");
        html.ShouldContain("Committed");
        html.ShouldNotContain("Committed: Committed");
        html.ShouldContain(">merge<");
    }

    [Fact]
    public async Task ItemPage_RunWithUsageAndEgressRefusals_ShowsWhatItSpentAndWhatWasRefused()
    {
        var at = DateTimeOffset.UtcNow;
        var run = new Autoship.Agents.RunRecord("9-a1-author-usage", 9, 1, "control-plane-steward", Autoship.Agents.AgentRole.Author, "o/r#9/a1", ["claude", "-p"], at, at.AddSeconds(3),
            "AgentFailed: model-unreachable", 1, string.Empty, null, null, null, null)
        {
            Usage = new Autoship.Agents.RunUsage(12000, 345, 0.0123m, 4),
            EgressRefused = ["CONNECT evil.example:443"],
        };
        await host.Store.SaveRunAsync(host.ForgeName, run, "AgentFailed", CancellationToken.None);

        var html = await host.Client().GetStringAsync("/items/9", TestContext.Current.CancellationToken);

        html.ShouldContain("<th>spent</th>");
        // The page encodes non-ASCII and punctuation; compare the decoded text.
        html = WebUtility.HtmlDecode(html);
        html.ShouldContain("12,345 tokens (12,000 in, 345 out) · $0.0123 · 4 turns");
        html.ShouldContain("(egress refused: CONNECT evil.example:443)");
    }

    [Fact]
    public async Task ItemPage_UnknownIssue_NotFoundProblem()
    {
        using var response = await host.Client().GetAsync("/items/9999", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task ItemPage_TitleWithMarkup_IsEscaped()
    {
        int number;
        await using (var owner = await LocalForge.OpenAsync(demo.Directory, LocalSample.Owner, TimeProvider.System, CancellationToken.None))
        {
            number = (await owner.CreateIssueAsync("<script>alert('x')</script>", "body", [], CancellationToken.None)).Number;
        }

        var html = await host.Client().GetStringAsync($"/items/{number}", TestContext.Current.CancellationToken);

        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public async Task EventsPage_FilterByIssue_ShowsOnlyThatIssue()
    {
        var html = await host.Client().GetStringAsync("/events?issue=9", TestContext.Current.CancellationToken);

        html.ShouldContain("href=\"/items/9\"");
        html.ShouldNotContain("href=\"/items/1\"");
    }

    [Fact]
    public async Task ApiEvents_FilterByKindAndText_ReturnsMatchingEvents()
    {
        using var doc = JsonDocument.Parse(await host.Client().GetStringAsync("/api/events?kind=merge&q=merged", TestContext.Current.CancellationToken));
        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();

        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e.GetProperty("kind").GetString() == "merge");
        doc.RootElement.GetProperty("kind").GetString().ShouldBe("merge");
    }

    [Fact]
    public async Task ApiEvents_IssueNotANumber_BadRequest()
    {
        using var response = await host.Client().GetAsync("/api/events?issue=abc", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ApiStatus_Shape_HasControlsLanesQueueAgentsAndTicks()
    {
        using var doc = JsonDocument.Parse(await host.Client().GetStringAsync("/api/status", TestContext.Current.CancellationToken));
        var root = doc.RootElement;

        root.GetProperty("forge").GetString().ShouldBe(host.ForgeName);
        root.GetProperty("controls").GetProperty("killSwitch").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
        root.GetProperty("lanes").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ShouldBe(["safe", "staging", "human"]);
        var waiting = root.GetProperty("queue").EnumerateArray().Select(i => i.GetProperty("issue").GetInt32())
            .Concat(root.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("item").GetProperty("issue").GetInt32()));
        waiting.ShouldContain(demo.DocsIssue);
        root.GetProperty("needsAttention").EnumerateArray().First(i => i.GetProperty("issue").GetInt32() == 9)
            .GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe("multiple-areas");
        root.GetProperty("agents").EnumerateArray().ShouldContain(a => a.GetProperty("runs").GetInt32() > 0);
        root.GetProperty("ticks").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("csrfToken").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ApiItem_Shape_MatchesExplain()
    {
        using var doc = JsonDocument.Parse(await host.Client().GetStringAsync("/api/items/8", TestContext.Current.CancellationToken));
        var root = doc.RootElement;

        root.GetProperty("issue").GetInt32().ShouldBe(8);
        root.GetProperty("phase").GetString().ShouldBe("blocked");
        root.GetProperty("lane").GetString().ShouldBe("safe");
        root.GetProperty("summary").GetString()!.ShouldStartWith("Blocked after");
        root.GetProperty("humanActions").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("runs").GetArrayLength().ShouldBe(3);
        root.GetProperty("history").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Overview_Twice_ReadsTheForgeOnce()
    {
        await host.Client().GetStringAsync("/", TestContext.Current.CancellationToken);
        var first = host.App.Services.GetRequiredService<Autoship.Server.Observation.ObservationCache>().Current!.At;

        await host.Client().GetStringAsync("/", TestContext.Current.CancellationToken);

        host.App.Services.GetRequiredService<Autoship.Server.Observation.ObservationCache>().Current!.At.ShouldBe(first);
    }
}
