using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Server.Hosting;
using Microsoft.Playwright;

namespace Autoship.Server.Tests;

/// <summary>Debian's Chromium, driven by Playwright for .NET (no browser download): what a person sees and clicks.</summary>
public sealed class BrowserTests(DemoForge demo)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_PauseLaneA_NextTickLeavesItPausedAndLaneCWaitsForAHuman()
    {
        File.Exists(Chromium).ShouldBeTrue($"the browser test needs Debian's Chromium at {Chromium} (apt-get install -y chromium)");
        await using var host = await ServerHost.StartAsync(demo.Directory, new ServerOptions { TickAtStart = false }, kestrel: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 900 } });
        try
        {
            await page.GotoAsync(host.BaseUrl + "/");
            (await page.Locator(".lane[data-lane=safe] h3").InnerTextAsync()).ShouldContain("running");
            (await page.ContentAsync()).ShouldContain("the issue has 2 area labels");

            await page.ClickAsync("text=Pause lane A");
            (await page.Locator(".lane[data-lane=safe] h3").InnerTextAsync()).ShouldContain("paused");
            (await page.Locator(".banner .state").InnerTextAsync()).ShouldBe("Paused: lane A (safe). Other lanes run.");

            var ticks = host.Loop.Ticks;
            await page.ClickAsync("text=Run a tick now");
            await host.WaitForTicksAsync(ticks + 1);
            await page.GotoAsync(host.BaseUrl + "/");

            var docs = page.Locator($".item[data-issue='{demo.DocsIssue}']").First;
            (await docs.InnerTextAsync()).ShouldContain(ItemPhase.Paused.Wire());
            (await page.Locator($".lane-prs[data-lane=human] .item[data-issue='{demo.AuthIssue}']").InnerTextAsync()).ShouldContain("hold for a human");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard.png"), FullPage = true });

            var runs = await host.Store.ListRunsAsync(host.ForgeName, demo.DocsIssue, null, CancellationToken.None);
            runs.ShouldBeEmpty();
        }
        finally
        {
            await host.Store.SetControlsAsync(host.ForgeName, RuntimeControls.None, CancellationToken.None);
        }

        (await host.Store.GetControlsAsync(host.ForgeName, CancellationToken.None)).PausedLanes.ShouldNotContain(Lane.Safe);
    }
}
