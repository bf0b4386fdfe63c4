using System.Net;
using Autoship.Server.Hosting;
using Autoship.Server.Webhooks;

namespace Autoship.Server.Tests;

public sealed class TelemetryTests : IAsyncLifetime
{
    private const string Secret = "telemetry-secret";
    private SmallForge forge = null!;
    private ServerHost host = null!;

    public async ValueTask InitializeAsync()
    {
        forge = await SmallForge.CreateAsync();
        host = await ServerHost.StartAsync(forge.Directory, new ServerOptions { WebhookSecret = Secret });
        await host.WaitForTicksAsync(1);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await forge.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_AfterATick_ShowsTicksAndDuration()
    {
        var text = await host.Client().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        text.ShouldContain("autoship_ticks_total{");
        text.ShouldContain("outcome=\"done\"");
        text.ShouldContain("autoship_tick_duration_seconds_count");
        text.ShouldContain("autoship_forge_requests_total");
    }

    [Fact]
    public async Task Webhook_ThatMatters_RunsAnotherTick()
    {
        var body = WebhookExamples.First("issues", "labeled");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(WebhookExamples.Bytes(body)) };
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(Secret, WebhookExamples.Bytes(body)));

        using var response = await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
        await host.WaitForTicksAsync(2);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        host.Loop.Ticks.ShouldBeGreaterThanOrEqualTo(2);
        (await host.Client().GetStringAsync("/metrics", TestContext.Current.CancellationToken)).ShouldContain("autoship_webhooks_total{");
    }

    [Theory]
    [InlineData("/healthz", "\"status\": \"ok\"")]
    [InlineData("/readyz", "\"status\": \"ready\"")]
    public async Task Health_RunningServer_Ok(string path, string expected)
    {
        using var response = await host.Client().GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(expected);
    }

    [Fact]
    public async Task Readyz_StoreGone_ServiceUnavailable()
    {
        await using var broken = await SmallForge.CreateAsync();
        await using var other = await ServerHost.StartAsync(broken.Directory, new ServerOptions { RunLoop = false });
        Directory.Delete(Path.Combine(broken.Directory, "repo.git"), recursive: true);
        File.Delete(Path.Combine(broken.Directory, "forge.db"));

        using var response = await other.Client().GetAsync("/readyz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("forge:");
    }
}
