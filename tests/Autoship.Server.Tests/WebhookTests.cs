using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Autoship.Engine.Store;
using Autoship.Server.Hosting;
using Autoship.Server.Webhooks;

namespace Autoship.Server.Tests;

public sealed class WebhookTests(DemoForge demo) : IAsyncLifetime
{
    private const string Secret = "It's a Secret to Everybody";
    private ServerHost host = null!;

    public async ValueTask InitializeAsync() =>
        host = await ServerHost.StartAsync(demo.Directory, new ServerOptions { WebhookSecret = Secret, RunLoop = false });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string, string?> Relevant() => new()
    {
        { "issues", "labeled" }, { "issues", "unlabeled" }, { "issues", "reopened" }, { "pull_request", "closed" },
        { "pull_request", "opened" }, { "pull_request", "synchronize" }, { "pull_request_review", "submitted" },
        { "check_run", "completed" }, { "check_suite", "completed" }, { "status", null }, { "deployment_status", "created" },
    };

    public static TheoryData<string, string?> Irrelevant() => new()
    {
        { "issues", "opened" }, { "check_run", "created" }, { "push", null }, { "star", "created" }, { "issue_comment", "created" },
    };

    [Theory]
    [MemberData(nameof(Relevant))]
    public async Task Post_SignedEventThatMatters_Accepted202AndWakesTheLoop(string eventName, string? action)
    {
        var body = WebhookExamples.First(eventName, action);
        var before = host.Loop.WakeRequests;

        using var response = await SendAsync(eventName, body, WebhookSignature.Sign(Secret, WebhookExamples.Bytes(body)));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        host.Loop.WakeRequests.ShouldBe(before + 1);
    }

    [Theory]
    [MemberData(nameof(Irrelevant))]
    public async Task Post_SignedEventThatDoesNotMatter_IgnoredWithoutWaking(string eventName, string? action)
    {
        var body = WebhookExamples.First(eventName, action);
        var before = host.Loop.WakeRequests;

        using var response = await SendAsync(eventName, body, WebhookSignature.Sign(Secret, WebhookExamples.Bytes(body)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Status(response)).ShouldBe("ignored");
        host.Loop.WakeRequests.ShouldBe(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=abc")]
    [InlineData("sha256=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex!")]
    public async Task Post_MissingOrWrongSignature_Refused401(string? signature)
    {
        var body = WebhookExamples.First("pull_request", "opened");
        var before = host.Loop.WakeRequests;

        using var response = await SendAsync("pull_request", body, signature);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Loop.WakeRequests.ShouldBe(before);
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_Refused401()
    {
        var body = WebhookExamples.First("pull_request", "opened");

        using var response = await SendAsync("pull_request", body, WebhookSignature.Sign("another secret", WebhookExamples.Bytes(body)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_BodyEditedAfterSigning_Refused401()
    {
        var body = WebhookExamples.First("issues", "labeled");
        var signature = WebhookSignature.Sign(Secret, WebhookExamples.Bytes(body));

        using var response = await SendAsync("issues", body.Replace("labeled", "unlabeled", StringComparison.Ordinal), signature);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_OversizedBody_Refused413EvenWhenSigned()
    {
        var body = "{\"action\":\"labeled\",\"padding\":\"" + new string('x', 1024 * 1024) + "\"}";

        using var response = await SendAsync("issues", body, WebhookSignature.Sign(Secret, WebhookExamples.Bytes(body)));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_SameDeliveryTwice_SecondIsDuplicateAndDoesNotWake()
    {
        var body = WebhookExamples.First("check_suite", "completed");
        var signature = WebhookSignature.Sign(Secret, WebhookExamples.Bytes(body));
        var delivery = Guid.NewGuid().ToString();

        using var first = await SendAsync("check_suite", body, signature, delivery);
        var afterFirst = host.Loop.WakeRequests;
        using var second = await SendAsync("check_suite", body, signature, delivery);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Status(second)).ShouldBe("duplicate");
        host.Loop.WakeRequests.ShouldBe(afterFirst);
    }

    [Fact]
    public async Task Post_BadFirstDeliveryThenGoodRetry_RetryIsAccepted()
    {
        var delivery = Guid.NewGuid().ToString();
        const string broken = "{not json";
        var good = WebhookExamples.First("check_suite", "completed");

        using var first = await SendAsync("check_suite", broken, WebhookSignature.Sign(Secret, WebhookExamples.Bytes(broken)), delivery);
        using var retry = await SendAsync("check_suite", good, WebhookSignature.Sign(Secret, WebhookExamples.Bytes(good)), delivery);

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted, "a delivery is recorded only once its body was verified and parsed");
    }

    [Fact]
    public async Task TryRecordDelivery_OlderThanTheRetention_IsPruned()
    {
        var store = host.Store;
        var old = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        (await store.TryRecordDeliveryAsync("old", "issues", old, default)).ShouldBeTrue();
        (await store.TryRecordDeliveryAsync("new", "issues", old + SqlStateStore.DeliveryRetention + TimeSpan.FromDays(1), default)).ShouldBeTrue();

        (await store.TryRecordDeliveryAsync("old", "issues", old + SqlStateStore.DeliveryRetention + TimeSpan.FromDays(1), default)).ShouldBeTrue("the old id was pruned");
        (await store.TryRecordDeliveryAsync("new", "issues", old + SqlStateStore.DeliveryRetention + TimeSpan.FromDays(1), default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_NoSecretConfigured_Answers503WithHowToSetIt()
    {
        await using var open = await ServerHost.StartAsync(demo.Directory, new ServerOptions { RunLoop = false });
        var body = WebhookExamples.First("pull_request", "opened");

        using var response = await SendAsync("pull_request", body, WebhookSignature.Sign(Secret, WebhookExamples.Bytes(body)), client: open.Client());

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain(ServerOptions.WebhookSecretVariable);
    }

    private async Task<HttpResponseMessage> SendAsync(string eventName, string body, string? signature, string? delivery = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(WebhookExamples.Bytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await (client ?? host.Client()).SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string?> Status(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("status").GetString();
    }
}
