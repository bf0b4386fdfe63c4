using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoship.Core.Config;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Tests.Config;

/// <summary>The generated schema, run by an independent validator (JsonSchema.Net), agrees with the loader.</summary>
public sealed class ConfigSchemaValidationTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ConfigSchema.Json);

    public static TheoryData<string, string> Valid() => new()
    {
        { "default", DefaultConfig.Yaml },
        { "only version", "version: 1\n" },
        { "base", ConfigYaml.Base },
        { "version and agents", "version: 1\nareas: { src: { lane: safe, paths: [\"src/**\"] } }\nagents: [ { name: a, areas: [src] }, { name: b } ]\n" },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { "unknown key", ConfigYaml.Base + "loop: { schedul: \"* * * * *\" }\n" },
        { "wrong type", ConfigYaml.Base + "loop: { maxAttempts: many }\n" },
        { "below minimum", ConfigYaml.Base + "protections: { requiredApprovals: -1 }\n" },
        { "bad enum", ConfigYaml.With("name: author-b,", "name: author-b, sandbox: docker,") },
        { "bad lane", ConfigYaml.With("lane: staging", "lane: stagin") },
        { "empty glob", ConfigYaml.With("\"docs/**\"", "\"\"") },
        { "bad color", ConfigYaml.With("\"b60205\"", "\"#b6020\"") },
        { "bad version", ConfigYaml.With("version: 1", "version: 2") },
        { "no version", "agents: []\n" },
        { "bad duration", ConfigYaml.Base + "loop: { claimTimeout: soon }\n" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Schema_ConfigTheLoaderAccepts_IsValid(string name, string yaml)
    {
        ConfigYaml.Load(yaml).Errors.ShouldBeEmpty(name);
        Evaluate(yaml).IsValid.ShouldBeTrue(name);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Schema_ConfigTheLoaderRejects_IsInvalid(string name, string yaml)
    {
        ConfigYaml.Load(yaml).IsValid.ShouldBeFalse(name);
        Evaluate(yaml).IsValid.ShouldBeFalse(name);
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var doc = JsonDocument.Parse(ToJson(stream.Documents[0].RootNode)?.ToJsonString() ?? "null");
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    // YAML 1.2 core schema, as the loader reads it: plain null/bool/int scalars are typed, everything else is a string.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } p when p.Value is null or "" or "~" or "null" => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } p => JsonValue.Create(p.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } p when long.TryParse(p.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode p => JsonValue.Create(p.Value),
        _ => null,
    };
}
