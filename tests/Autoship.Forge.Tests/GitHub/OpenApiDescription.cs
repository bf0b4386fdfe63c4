using System.Text.Json;
using System.Text.RegularExpressions;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>GitHub's official REST description (<c>@octokit/openapi</c>, <c>generated/api.github.com.json</c>).</summary>
public sealed class OpenApiDescription
{
    private static readonly Lazy<OpenApiDescription> Shared = new(() => new OpenApiDescription(Peers.File("@octokit/openapi", "generated/api.github.com.json")));
    private readonly JsonDocument _doc;
    private readonly List<(string Template, Regex Pattern, int Literal)> _paths = [];

    private OpenApiDescription(string file)
    {
        _doc = JsonDocument.Parse(File.ReadAllBytes(file));
        foreach (var path in _doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            // {ref} and {path} may hold slashes (heads/autoship/7-x, docs/README.md); other parameters may not.
            var pattern = Regex.Replace(Regex.Escape(path.Name).Replace(@"\{", "{", StringComparison.Ordinal), @"\{([^}]+)\}", m => m.Groups[1].Value is "ref" or "path" ? "(.+)" : "([^/]+)");
            _paths.Add((path.Name, new Regex("^" + pattern + "$", RegexOptions.CultureInvariant), Regex.Replace(path.Name, "{[^}]+}", string.Empty).Length));
        }
    }

    public static OpenApiDescription Instance => Shared.Value;

    /// <summary>The operation for a concrete request path, or null with the templates that match the path (any method).</summary>
    public (string Template, JsonElement Operation)? Find(string method, string path)
    {
        // The most literal template wins: /commits/{ref}/check-runs before /commits/{ref}, whose {ref} could swallow it.
        foreach (var (template, pattern, _) in _paths.Where(p => p.Pattern.IsMatch(path)).OrderByDescending(p => p.Literal))
        {
            if (_doc.RootElement.GetProperty("paths").GetProperty(template).TryGetProperty(method.ToLowerInvariant(), out var op))
            {
                return (template, op);
            }
        }

        return null;
    }

    public JsonElement Resolve(JsonElement e)
    {
        while (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("$ref", out var r))
        {
            e = _doc.RootElement;
            foreach (var part in r.GetString()!.TrimStart('#', '/').Split('/'))
            {
                e = e.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }
        }

        return e;
    }

    public IEnumerable<JsonElement> Parameters(JsonElement operation, string where) =>
        operation.TryGetProperty("parameters", out var ps)
            ? ps.EnumerateArray().Select(Resolve).Where(p => p.GetProperty("in").GetString() == where)
            : [];

    public JsonElement? BodySchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && Resolve(body).TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? Resolve(schema)
            : null;

    /// <summary>The first success answer with a JSON example, as GitHub documents it.</summary>
    public (int Status, string? Json) Example(JsonElement operation)
    {
        foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var status = int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture);
            var r = Resolve(response.Value);
            if (!r.TryGetProperty("content", out var content) || !content.TryGetProperty("application/json", out var json))
            {
                return (status, null);
            }

            if (json.TryGetProperty("examples", out var examples))
            {
                var first = Resolve(examples.EnumerateObject().First().Value);
                var value = first.GetProperty("value");
                if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("$ref", out _))
                {
                    // value: { $ref: #/components/examples/x } points at another example object, whose value is the body.
                    value = Resolve(value).GetProperty("value");
                }

                return (status, value.GetRawText());
            }

            if (json.TryGetProperty("example", out var example))
            {
                return (status, example.GetRawText());
            }

            return (status, null);
        }

        return (204, null);
    }
}
