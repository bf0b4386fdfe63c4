using System.Net.Http.Json;
using System.Text.Json;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>GitHub's GraphQL endpoint: <c>/graphql</c> on github.com, <c>/api/graphql</c> on GHES.</summary>
    private Uri GraphQlUrl => _options.ApiUrl.AbsolutePath.EndsWith("/api/v3/", StringComparison.Ordinal)
        ? new Uri(_options.ApiUrl, "../graphql")
        : new Uri(_options.ApiUrl, "graphql");

    /// <param name="tolerateNotFound">Answer the data when every error is GitHub's <c>NOT_FOUND</c> (the field is then null).</param>
    private async Task<JsonElement> GraphQlAsync(string query, IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken, bool tolerateNotFound = false)
    {
        using var response = await _raw.PostAsJsonAsync(GraphQlUrl, new { query, variables }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ForgeException("graphql", $"GitHub GraphQL answered HTTP {(int)response.StatusCode}: {text}");
        }

        using var doc = JsonDocument.Parse(text);
        if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            && !(tolerateNotFound && errors.EnumerateArray().All(e => e.TryGetProperty("type", out var t) && t.GetString() == "NOT_FOUND") && doc.RootElement.TryGetProperty("data", out _)))
        {
            var messages = string.Join("; ", errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : e.ToString()));
            throw new ForgeException("graphql", $"GitHub GraphQL: {messages}");
        }

        return doc.RootElement.GetProperty("data").Clone();
    }
}
