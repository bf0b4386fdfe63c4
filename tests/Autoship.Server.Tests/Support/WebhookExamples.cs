using System.Text;
using System.Text.Json;

namespace Autoship.Server.Tests.Support;

/// <summary>Real payloads from the npm package <c>@octokit/webhooks-examples</c> (installed by <c>scripts/test-prereqs.sh</c>).</summary>
public static class WebhookExamples
{
    private const string Relative = "tests/.peers/node_modules/@octokit/webhooks-examples/api.github.com/index.json";
    private static readonly Lazy<Dictionary<string, List<string>>> All = new(Load);

    /// <summary>Every example of <paramref name="eventName"/>, as the raw JSON GitHub would send.</summary>
    public static IReadOnlyList<string> Of(string eventName) => All.Value[eventName];

    public static string First(string eventName, string? action = null) =>
        Of(eventName).First(json => action is null || Action(json) == action);

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    public static string? Action(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("action", out var a) ? a.GetString() : null;
    }

    private static Dictionary<string, List<string>> Load()
    {
        var file = Find() ?? throw new InvalidOperationException(
            $"the webhook examples are missing ({Relative}): run 'bash scripts/test-prereqs.sh' once to install the npm test peers");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        return doc.RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("name").GetString()!,
            e => e.GetProperty("examples").EnumerateArray().Select(x => x.GetRawText()).ToList());
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
