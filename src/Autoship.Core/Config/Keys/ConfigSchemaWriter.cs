using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autoship.Core.Config;

/// <summary>Writes the JSON Schema of a list of sections (root first, the others as <c>$defs</c>).</summary>
internal static class ConfigSchemaWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<ConfigSection> sections)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:autoship:config:1",
            ["title"] = sections[0].Description,
        };
        foreach (var (key, value) in Object(sections[0]))
        {
            root[key] = value?.DeepClone();
        }

        var defs = new JsonObject
        {
            ["laneName"] = new JsonObject { ["enum"] = Array(ConfigKeys.Lanes), ["description"] = "safe (lane A), staging (lane B) or human (lane C)." },
            ["duration"] = new JsonObject { ["type"] = "string", ["pattern"] = "^([0-9]+(s|m|h|d)|[0-9]{1,3}:[0-5][0-9]:[0-5][0-9])$", ["description"] = "90s, 30m, 2h, 1d or hh:mm:ss." },
            ["glob"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["pattern"] = "\\S", ["description"] = "Repository-relative glob with '/', '*', '**', '?' and [abc]." },
            ["globs"] = new JsonObject { ["type"] = "array", ["items"] = Ref("glob"), ["description"] = "A list of globs." },
            ["strings"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = "A list of strings." },
        };
        foreach (var section in sections.Skip(1))
        {
            defs[section.Name] = Object(section);
        }

        root["$defs"] = defs;
        return root.ToJsonString(Indented);
    }

    private static JsonObject Object(ConfigSection section)
    {
        var properties = new JsonObject();
        foreach (var key in section.Keys)
        {
            properties[key.Name] = Property(key);
        }

        var result = new JsonObject { ["type"] = "object", ["description"] = section.Description, ["additionalProperties"] = false };
        if (section.Keys.Any(k => k.Required))
        {
            result["required"] = Array(section.Keys.Where(k => k.Required).Select(k => k.Name));
        }

        result["properties"] = properties;
        return result;
    }

    private static JsonObject Property(KeySpec key)
    {
        var p = key.Type switch
        {
            KeyType.Const => new JsonObject { ["const"] = JsonNode.Parse(key.DefaultJson!) },
            KeyType.String => new JsonObject { ["type"] = key.Nullable ? Array(["string", "null"]) : "string" },
            KeyType.Boolean => new JsonObject { ["type"] = "boolean" },
            KeyType.Integer => new JsonObject { ["type"] = "integer" },
            KeyType.Duration => Ref("duration"),
            KeyType.Choice => new JsonObject { ["enum"] = Choices(key.Choices!) },
            KeyType.Strings when key.Pattern is { } pattern => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = pattern } },
            KeyType.Strings => Ref("strings"),
            KeyType.Globs => Ref("globs"),
            KeyType.Lane => Ref("laneName"),
            KeyType.Lanes => new JsonObject { ["type"] = "array", ["items"] = Ref("laneName") },
            KeyType.Section => Ref(key.Ref!),
            KeyType.List => new JsonObject { ["type"] = "array", ["items"] = Ref(key.Ref!) },
            _ => new JsonObject { ["type"] = "object", ["propertyNames"] = new JsonObject { ["pattern"] = key.KeyPattern }, ["additionalProperties"] = Ref(key.Ref!) },
        };
        if (key.Minimum is { } minimum)
        {
            p["minimum"] = minimum;
        }

        if (key.NonEmpty)
        {
            p["minLength"] = 1;
        }

        if (key.Pattern is { } regex && key.Type == KeyType.String)
        {
            p["pattern"] = regex;
        }

        p["description"] = key.LaneDefaults is { } lanes ? $"{key.Description} Default: {ConfigDocs.PerLane(lanes)}." : key.Description;
        if (key.DefaultJson is { } json && key.Type != KeyType.Const)
        {
            p["default"] = JsonNode.Parse(json);
        }

        return p;
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/$defs/" + name };

    /// <summary>A choice spelled <c>true</c>/<c>false</c> is a YAML boolean to any JSON view of the file (e.g. <c>network</c>).</summary>
    private static JsonArray Choices(IEnumerable<string> values) =>
        new(values.Select(v => v is "true" or "false" ? (JsonNode?)JsonValue.Create(v == "true") : JsonValue.Create(v)).ToArray());

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
