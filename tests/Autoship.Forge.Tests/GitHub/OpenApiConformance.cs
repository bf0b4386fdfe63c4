using System.Text.Json;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>Checks one request against the REST description: operation, query parameters, JSON body.</summary>
internal static class OpenApiConformance
{
    public static IEnumerable<string> Problems(OpenApiDescription api, LoopbackGitHub.Received request)
    {
        var uri = new Uri("http://x" + request.PathAndQuery);
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var where = $"{request.Method} {path}";
        if (api.Find(request.Method, path) is not { } found)
        {
            yield return $"{where}: no such operation in GitHub's REST description";
            yield break;
        }

        var (template, op) = found;
        var declared = api.Parameters(op, "query").Select(p => p.GetProperty("name").GetString()).ToHashSet(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(pair.Split('=')[0]);
            if (!declared.Contains(name))
            {
                yield return $"{request.Method} {template}: query parameter '{name}' is not declared";
            }
        }

        var schema = api.BodySchema(op);
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            if (schema is { } s && op.GetProperty("requestBody") is var rb && api.Resolve(rb).TryGetProperty("required", out var req) && req.GetBoolean()
                && api.Resolve(s).TryGetProperty("required", out var fields) && fields.GetArrayLength() > 0)
            {
                yield return $"{request.Method} {template}: the body is required";
            }

            yield break;
        }

        if (schema is null)
        {
            yield return $"{request.Method} {template}: sends a body where none is declared";
            yield break;
        }

        using var body = JsonDocument.Parse(request.Body);
        foreach (var problem in Check(api, schema.Value, body.RootElement, "body"))
        {
            yield return $"{request.Method} {template}: {problem}";
        }
    }

    private static List<string> Check(OpenApiDescription api, JsonElement schema, JsonElement value, string at)
    {
        schema = api.Resolve(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Nullable(schema) ? [] : [$"{at} is null but not nullable"];
        }

        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(union, out var branches))
            {
                var results = branches.EnumerateArray().Select(b => Check(api, b, value, at)).ToList();
                return results.Any(r => r.Count == 0) ? [] : [$"{at} matches no {union} branch ({string.Join(" | ", results.Select(r => string.Join(", ", r)))})"];
            }
        }

        if (schema.TryGetProperty("allOf", out var all))
        {
            return all.EnumerateArray().SelectMany(b => Check(api, b, value, at)).ToList();
        }

        var type = TypeOf(schema);
        var problems = new List<string>();
        switch (type)
        {
            case "object" when value.ValueKind != JsonValueKind.Object:
            case "array" when value.ValueKind != JsonValueKind.Array:
            case "string" when value.ValueKind != JsonValueKind.String:
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
            case "integer" or "number" when value.ValueKind != JsonValueKind.Number:
                return [$"{at} should be {type} but is {value.ValueKind}"];
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            var open = schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind != JsonValueKind.False;
            foreach (var prop in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(prop.Name, out var propSchema))
                {
                    problems.AddRange(Check(api, propSchema, prop.Value, $"{at}.{prop.Name}"));
                }
                else if (!open)
                {
                    problems.Add($"{at}.{prop.Name} is not declared");
                }
            }

            if (schema.TryGetProperty("required", out var required))
            {
                problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)).Select(r => $"{at}.{r} is required"));
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                problems.AddRange(Check(api, items, item, $"{at}[{i++}]"));
            }
        }
        else if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("enum", out var values)
            && !values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == value.GetString()))
        {
            problems.Add($"{at} = '{value.GetString()}' is not one of {values.GetRawText()}");
        }

        return problems;
    }

    private static string? TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var t) ? null
        : t.ValueKind == JsonValueKind.String ? t.GetString()
        : t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null");

    private static bool Nullable(JsonElement schema) =>
        (schema.TryGetProperty("nullable", out var n) && n.ValueKind == JsonValueKind.True)
        || (schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "null"))
        || (schema.TryGetProperty("oneOf", out var o) && o.EnumerateArray().Any(b => b.TryGetProperty("type", out var bt) && bt.ValueKind == JsonValueKind.String && bt.GetString() == "null"));
}
