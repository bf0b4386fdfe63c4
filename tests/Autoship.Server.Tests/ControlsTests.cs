using System.Net;
using System.Net.Http.Json;
using Autoship.Core;
using Autoship.Server.Access;
using Autoship.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Autoship.Server.Tests;

public sealed class ControlsTests(DemoForge demo) : IAsyncLifetime
{
    private ServerHost host = null!;

    private string Csrf => host.App.Services.GetRequiredService<DashboardAccess>().CsrfToken;

    public async ValueTask InitializeAsync() => host = await ServerHost.StartAsync(demo.Directory, new ServerOptions { RunLoop = false });

    public async ValueTask DisposeAsync()
    {
        await host.Store.SetControlsAsync(host.ForgeName, Autoship.Core.Planning.RuntimeControls.None, CancellationToken.None);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task PostControls_WithToken_PausesThenResumesTheLane()
    {
        using var paused = await PostFormAsync("/controls", new() { ["action"] = "pause", ["lane"] = "safe", ["csrf"] = Csrf });

        paused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await host.Store.GetControlsAsync(host.ForgeName, CancellationToken.None)).PausedLanes.ShouldBe([Lane.Safe]);
        (await host.Client().GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldContain("Paused: lane A (safe).");

        using var resumed = await PostFormAsync("/controls", new() { ["action"] = "resume", ["lane"] = "A", ["csrf"] = Csrf });

        resumed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await host.Store.GetControlsAsync(host.ForgeName, CancellationToken.None)).PausedLanes.ShouldBeEmpty();
    }

    [Fact]
    public async Task PostControls_WithoutCsrfToken_Forbidden()
    {
        using var response = await PostFormAsync("/controls", new() { ["action"] = "pause" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.Store.GetControlsAsync(host.ForgeName, CancellationToken.None)).KillSwitch.ShouldBeFalse();
    }

    [Fact]
    public async Task PostControls_WrongCsrfToken_Forbidden()
    {
        using var response = await PostFormAsync("/controls", new() { ["action"] = "pause", ["csrf"] = "guessed" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task PostControls_CrossSiteEvenWithToken_Forbidden(string header, string value)
    {
        using var response = await PostFormAsync("/controls", new() { ["action"] = "pause", ["csrf"] = Csrf }, (header, value));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.Store.GetControlsAsync(host.ForgeName, CancellationToken.None)).KillSwitch.ShouldBeFalse();
    }

    [Fact]
    public async Task ApiControls_JsonWithCsrfHeader_SetsKillSwitchAndRecordsAnEvent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/controls") { Content = JsonContent.Create(new { action = "pause" }) };
        request.Headers.Add(DashboardAccess.CsrfHeader, Csrf);

        using var response = await host.Client().SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"killSwitch\": true");
        var events = await host.Store.QueryEventsAsync(new(host.ForgeName, Kind: "pause"), CancellationToken.None);
        events.ShouldContain(e => e.Message.Contains("kill switch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiControls_UnknownLane_BadRequest()
    {
        using var response = await PostFormAsync("/api/controls", new() { ["action"] = "pause", ["lane"] = "fast", ["csrf"] = Csrf });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("is not a lane");
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (header is { } h)
        {
            request.Headers.Add(h.Name, h.Value);
        }

        return await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
    }
}
