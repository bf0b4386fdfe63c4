using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Forge.GitHub;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>
/// Every GraphQL document the adapter sends, validated against GitHub's published schema (npm
/// <c>@octokit/graphql-schema</c>, pinned in <c>scripts/test-prereqs.sh</c>) by <c>validate-graphql.mjs</c>: an unknown
/// field, a wrong argument or a variable of the wrong type fails here, not on github.com.
/// </summary>
public sealed class GraphQlSchemaTests
{
    /// <summary>The adapter's GraphQL documents: its <c>const string</c> fields that are queries or mutations.</summary>
    private static Dictionary<string, string> Documents() => typeof(GitHubForge).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(GitHubForge).Namespace)
        .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: $"{t.Name}.{f.Name}", Text: (string)f.GetRawConstantValue()!)))
        .Where(d => d.Text.TrimStart().StartsWith("query", StringComparison.Ordinal) || d.Text.TrimStart().StartsWith("mutation", StringComparison.Ordinal))
        .ToDictionary(d => d.Name, d => d.Text);

    private static async Task<Dictionary<string, string[]>> ValidateAsync(IReadOnlyDictionary<string, string> documents, CancellationToken ct)
    {
        var package = Path.GetDirectoryName(Peers.File("@octokit/graphql-schema", "schema.graphql"))!;
        var output = await NodeScript.RunAsync("validate-graphql.mjs", package, JsonSerializer.Serialize(documents), ct);
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(output)!;
    }

    [Fact]
    public async Task EveryDocument_IsValidAgainstGitHubsSchema()
    {
        var documents = Documents();
        new[] { "ObserveQuery.Text", "ObserveQuery.MoreContexts", "ObserveQuery.MoreFiles", "ObserveQuery.Pull", "GitHubForge.TreeQuery", "GitHubForge.HistoryQuery", "GitHubForge.EnqueueMutation" }.ShouldAllBe(name => documents.ContainsKey(name));

        var errors = await ValidateAsync(documents, TestContext.Current.CancellationToken);

        errors.Keys.ShouldBe(documents.Keys, ignoreOrder: true);
        errors.Where(e => e.Value.Length > 0).Select(e => $"{e.Key}: {string.Join("; ", e.Value)}").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    public async Task AttributesQuery_AnySize_IsValidAgainstGitHubsSchema(int files)
    {
        var errors = await ValidateAsync(new Dictionary<string, string> { ["attributes"] = GitHubForge.AttributesQuery(files) }, TestContext.Current.CancellationToken);

        errors["attributes"].ShouldBeEmpty();
    }

    [Fact]
    public async Task Validator_RefusesWhatGitHubWouldRefuse()
    {
        var observe = ObserveQuery.Text;
        var documents = new Dictionary<string, string>
        {
            ["unknown-field"] = observe.Replace("headRefOid", "headRefSha", StringComparison.Ordinal),
            ["old-pull-connection-on-search"] = observe.Replace("... on PullRequest { ...ObservedPull }", "checkSuites(first: 20) { totalCount }", StringComparison.Ordinal),
            ["wrong-variable-type"] = ObserveQuery.MoreContexts.Replace("$id: ID!", "$id: Int!", StringComparison.Ordinal),
        };

        var errors = await ValidateAsync(documents, TestContext.Current.CancellationToken);

        errors["unknown-field"].ShouldContain(e => e.Contains("headRefSha", StringComparison.Ordinal));
        errors["old-pull-connection-on-search"].ShouldNotBeEmpty();
        errors["wrong-variable-type"].ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ObserveAtScale_SendsOnlyValidatedDocuments()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var github = new ScaleGitHub(150, 120);
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", github.Server.Url, new StaticTokenSource("t")) { Resilience = new ResilienceSettings(MaxRetries: 0) });

        await forge.ObserveAsync(ct);

        var sent = github.Server.Requests.Where(r => r.PathAndQuery == "/graphql").Select(r => JsonNode.Parse(r.Body)!["query"]!.GetValue<string>()).ToList();
        sent.Count.ShouldBe(2);
        sent.ShouldAllBe(q => Documents().ContainsValue(q));
    }
}
