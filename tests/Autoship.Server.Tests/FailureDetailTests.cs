using System.Net;
using Autoship.Server.Hosting;

namespace Autoship.Server.Tests;

/// <summary>The demo's breaking patch (#8): its validation's failing lines are on the item page, with the whole log one click away.</summary>
public sealed class FailureDetailTests(DemoForge demo) : IAsyncLifetime
{
    private ServerHost host = null!;

    public async ValueTask InitializeAsync() => host = await ServerHost.StartAsync(demo.Directory, new ServerOptions { RunLoop = false });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ItemPage_ValidationFailed_ShowsTheLogsTailAndLinksTheWholeLog()
    {
        var html = await host.Client().GetStringAsync("/items/8", TestContext.Current.CancellationToken);

        html.ShouldContain("<h2>What failed</h2>");
        html.ShouldContain("validation `scripts/test.sh` (attempt 3)");
        html.ShouldContain("AssertionError: Tuples differ");
        html.ShouldContain("FAILED (failures=1)");
        html.ShouldContain("<a href=\"/items/8/log\">the whole log</a>");
        html.ShouldContain("ValidationFailed: `scripts/test.sh` exited with code 1");
        html.ShouldNotContain("ValidationFailed: ValidationFailed");

        using var log = await host.Client().GetAsync("/items/8/log", TestContext.Current.CancellationToken);
        log.StatusCode.ShouldBe(HttpStatusCode.OK);
        log.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await log.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        text.ShouldContain("builtin:patch: applied the issue's diff", Case.Sensitive, "the whole log, not only its tail");
        text.ShouldContain("AssertionError: Tuples differ");
    }

    [Fact]
    public async Task ItemLog_MergedItem_HasNoFailingLog()
    {
        using var log = await host.Client().GetAsync("/items/1/log", TestContext.Current.CancellationToken);

        log.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.Client().GetStringAsync("/items/1", TestContext.Current.CancellationToken)).ShouldNotContain("What failed");
    }
}
