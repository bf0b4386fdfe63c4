using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class ConfigSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(ConfigSchema.Json).RootElement;

    public static TheoryData<string> Sections() => new(ConfigKeys.Sections.Keys);

    [Theory]
    [MemberData(nameof(Sections))]
    public void Schema_EverySection_HasExactlyTheKeysTheLoaderAccepts(string section)
    {
        var definition = section == ConfigKeys.RootSection ? Schema : Schema.GetProperty("$defs").GetProperty(section);
        var properties = definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        properties.ShouldBe(ConfigKeys.Sections[section], ignoreOrder: true);
        definition.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Schema_EveryObjectDefinition_IsASection()
    {
        var objects = Schema.GetProperty("$defs").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("properties", out _))
            .Select(d => d.Name);
        objects.ShouldBe(ConfigKeys.Sections.Keys.Where(k => k != ConfigKeys.RootSection), ignoreOrder: true);
    }

    [Fact]
    public void Schema_Enums_MatchTheLoadersChoices()
    {
        var defs = Schema.GetProperty("$defs");
        Enum(defs.GetProperty("runner").GetProperty("properties").GetProperty("preset")).ShouldBe(ConfigKeys.Presets);
        Enum(defs.GetProperty("agent").GetProperty("properties").GetProperty("sandbox")).ShouldBe(ConfigKeys.Sandboxes);
        Enum(defs.GetProperty("contentRule").GetProperty("properties").GetProperty("action")).ShouldBe(ConfigKeys.Actions);
        Enum(defs.GetProperty("laneName")).ShouldBe(ConfigKeys.Lanes);
    }

    [Fact]
    public void Schema_Draft_Is2020_12()
    {
        Schema.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
    }

    private static List<string> Enum(JsonElement element) =>
        element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();
}
