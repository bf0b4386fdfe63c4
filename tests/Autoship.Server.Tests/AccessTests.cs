using System.Net;
using System.Net.Http.Headers;
using Autoship.Server.Access;
using Autoship.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Autoship.Server.Tests;

public sealed class AccessTests(DemoForge demo) : IAsyncLifetime
{
    private const string Token = "s3cret-dashboard-token";
    private ServerHost host = null!;

    public async ValueTask InitializeAsync() =>
        host = await ServerHost.StartAsync(demo.Directory, new ServerOptions { RunLoop = false, DashboardToken = Token });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://127.0.0.1:8080;http://192.168.1.5:8080")]
    public void Validate_NonLoopbackWithoutToken_RefusesWithHowTo(string urls)
    {
        var e = Should.Throw<ServerConfigurationException>(() => BindingCheck.Validate(new ServerOptions { Urls = urls }));

        e.Message.ShouldContain(ServerOptions.DashboardTokenVariable);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", null)]
    [InlineData("http://localhost:8080", null)]
    [InlineData("http://[::1]:8080", null)]
    [InlineData("http://0.0.0.0:8080", "token")]
    public void Validate_LoopbackOrToken_Accepted(string urls, string? token) =>
        Should.NotThrow(() => BindingCheck.Validate(new ServerOptions { Urls = urls, DashboardToken = token }));

    [Fact]
    public async Task Overview_WithoutToken_RedirectsToLogin()
    {
        using var response = await host.Client().GetAsync("/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("/login");
    }

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    public async Task Api_WithoutToken_Unauthorized(string path)
    {
        using var response = await host.Client().GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_WithBearer_Ok()
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await client.GetAsync("/api/status", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Healthz_WithoutToken_StillAnswers()
    {
        using var response = await host.Client().GetAsync("/healthz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_RightToken_SetsHttpOnlyCookieThatOpensTheDashboard()
    {
        var csrf = host.App.Services.GetRequiredService<DashboardAccess>().CsrfToken;
        using var login = await host.Client().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = Token, ["csrf"] = csrf, ["next"] = "/events",
        }), TestContext.Current.CancellationToken);

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.ToString().ShouldBe("/events");
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        cookie.ShouldNotContain(Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var page = await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WrongToken_Unauthorized()
    {
        var csrf = host.App.Services.GetRequiredService<DashboardAccess>().CsrfToken;
        using var login = await host.Client().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "nope", ["csrf"] = csrf }),
            TestContext.Current.CancellationToken);

        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PostControls_WithoutToken_Unauthorized()
    {
        var csrf = host.App.Services.GetRequiredService<DashboardAccess>().CsrfToken;
        using var response = await host.Client().PostAsync("/controls", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pause", ["csrf"] = csrf }),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Store.GetControlsAsync(host.ForgeName, CancellationToken.None)).KillSwitch.ShouldBeFalse();
    }
}
