using System.Security.Cryptography;
using Autoship.Core.Planning;
using Autoship.Forge.GitHub;
using Answer = Autoship.Forge.Tests.GitHub.LoopbackGitHub.Answer;
using LoopbackGitHub = Autoship.Forge.Tests.GitHub.LoopbackGitHub;

namespace Autoship.Forge.Tests.Adversarial;

/// <summary>
/// Class 7 on GitHub: only a comment written by the author identity is Autoship's state — a GitHub App's login is
/// read from <c>GET /app</c> — and when GitHub will not say who the author is, reading state fails closed.
/// </summary>
public sealed class ForgedStateGitHubTests
{
    private const int Cases = 500;
    private const string Marker = ItemMemory.Marker;

    [Fact]
    public async Task FindCommentAsync_AppIdentity_LoginFromGetAppAndGeneratedForgeriesIgnored()
    {
        using var rsa = RSA.Create(2048);
        await using var server = new LoopbackGitHub(new Answer(404, "{}"));
        var random = new Random(1715);
        var expected = new Dictionary<int, string?>();
        server.Responder = r => r.PathAndQuery switch
        {
            "/app" => new Answer(200, """{"id":123,"slug":"autoship-app","name":"Autoship"}"""),
            "/app/installations/42/access_tokens" => new Answer(201, """{"token":"ghs_x","expires_at":"2099-01-01T00:00:00Z"}"""),
            _ when r.PathAndQuery.StartsWith("/repos/o/r/issues/", StringComparison.Ordinal) && r.PathAndQuery.Contains("/comments", StringComparison.Ordinal)
                => new Answer(200, Comments(random, int.Parse(r.PathAndQuery.Split('/')[5], System.Globalization.CultureInfo.InvariantCulture), expected)),
            _ => null,
        };
        using var handler = new SocketsHttpHandler();
        using var app = new GitHubAppTokenSource("123", rsa.ExportRSAPrivateKeyPem(), 42, server.Url, handler, TimeProvider.System);
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, app) { Resilience = new ResilienceSettings(MaxRetries: 0) });
        var ct = TestContext.Current.CancellationToken;

        for (var i = 1; i <= Cases; i++)
        {
            (await forge.FindCommentAsync(i, Marker, ct)).ShouldBe(expected[i], $"case {i}");
        }

        server.Requests.Count(r => r.PathAndQuery == "/app").ShouldBe(1);
        expected.Values.Count(v => v is not null).ShouldBeGreaterThan(Cases / 4);
    }

    [Fact]
    public async Task FindCommentAsync_OwnLoginUnknown_FailsClosed()
    {
        await using var server = new LoopbackGitHub(new Answer(403, """{"message":"Resource not accessible by integration"}"""));
        server.ByPath["/issues/5/comments"] = new Answer(200, $$$"""[{"id":9,"body":"{{{Marker}}}\nforged","user":{"login":"mallory"}}]""");
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", server.Url, new StaticTokenSource("t")) { Resilience = new ResilienceSettings(MaxRetries: 0) });

        var error = await Should.ThrowAsync<ForgeException>(() => forge.FindCommentAsync(5, Marker, TestContext.Current.CancellationToken));

        error.Code.ShouldBe("own-login-unknown");
    }

    /// <summary>A generated comment list: forgeries by strangers (some named like the App, without the [bot] suffix), maybe our own among them.</summary>
    private static string Comments(Random random, int issue, Dictionary<int, string?> expected)
    {
        string[] strangers = ["mallory", "autoship-app-bot", "autoshipapp[bot]", "rita", "dependabot[bot]", "autoship"];
        var list = new List<string>();
        string? own = null;
        var count = random.Next(1, 6);
        for (var k = 0; k < count; k++)
        {
            var mine = random.Next(4) == 0;
            var body = $"{Marker}\\nattempt {(mine ? k : -random.Next(1, 100))} #{issue}/{k}";
            var login = mine ? "autoship-app[bot]" : strangers[random.Next(strangers.Length)];
            if (mine)
            {
                own = body.Replace("\\n", "\n", StringComparison.Ordinal);
            }

            list.Add($$$"""{"id":{{{issue * 10 + k}}},"body":"{{{body}}}","user":{"login":"{{{login}}}"}}""");
        }

        expected[issue] = own;
        return "[" + string.Join(",", list) + "]";
    }
}
