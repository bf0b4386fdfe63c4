using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class ConfigMinimalTests
{
    [Fact]
    public void Load_OnlyVersion_IsValidAndEverySectionTakesItsDefault()
    {
        var result = ConfigYaml.Load("version: 1\n");
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var config = result.Config!;
        config.Loop.ShouldBe(ConfigDefaults.Loop);
        config.Loop.Schedule.ShouldBe(ConfigDefaults.Schedule);
        config.Validation.ShouldBe(ConfigDefaults.Validation);
        config.Sizing.ShouldBe(ConfigDefaults.Sizing);
        config.Protections.ShouldBe(ConfigDefaults.Protections);
        config.Never.ShouldBe(ConfigDefaults.Never);
        config.Areas.ShouldBeEmpty();
        config.Agents.ShouldBeEmpty();
        config.Labels.Select(l => l.Name).ShouldContain("autonomy:safe");
        config.Labels.Select(l => l.Name).ShouldNotContain(n => n.StartsWith("area:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_VersionAreasAndAgentsWithoutLabels_GetsTheStandardLabelsAndAnAreaLabelEach()
    {
        var yaml = """
            version: 1
            areas:
              src: { lane: safe, paths: ["src/**"] }
            agents:
              - { name: dev, areas: [src] }
              - { name: rev, author: false }

            """;
        var result = ConfigYaml.Load(yaml);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var names = result.Config!.Labels.Select(l => l.Name).ToList();
        names.ShouldContain("area:src");
        names.ShouldContain("size:xs");
        names.ShouldContain("lane:human");
        names.Count.ShouldBe(names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Load_WrittenLabels_AreNotExtended()
    {
        var result = ConfigYaml.Load(ConfigYaml.Base);
        result.Config!.Labels.Count.ShouldBe(6);
    }

    [Fact]
    public void DefaultConfig_StartsWithTheSchemaModeline()
    {
        DefaultConfig.Yaml.Split('\n')[0].ShouldBe("# yaml-language-server: $schema=autoship.schema.json");
        InitPlan.Files([]).Select(f => f.Path).ShouldContain(".github/autoship.schema.json");
        InitPlan.Files([]).Single(f => f.Path == InitPlan.SchemaPath).Content.Trim().ShouldBe(ConfigSchema.Json);
    }
}
