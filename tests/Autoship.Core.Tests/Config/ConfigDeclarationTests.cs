using System.Text.Json;
using Autoship.Core.Config;
using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Tests.Config;

/// <summary>The recipe "add a configuration key" (AGENTS.md): one declaration reaches the loader, the key list, the schema and the docs.</summary>
public sealed class ConfigDeclarationTests
{
    [Fact]
    public void Declare_FakeKey_ReachesLoaderKeyListSchemaAndDocs()
    {
        var builder = new SectionBuilder("fake", "fake", "A section that exists only in this test.");
        var retries = builder.Int("retries", 5, 1, "How often to retry the fake thing.");
        var mode = builder.Choice("mode", "fast", ["fast", "slow"], "mode", "How the fake thing runs.");
        var section = builder.Build();

        section.KeyNames.ShouldBe(["retries", "mode"]);
        Read(section, "retries: 7\n", v => retries.Read(v)).ShouldBe((7, Array.Empty<string>()));
        Read(section, "{}\n", v => retries.Read(v)).Value.ShouldBe(5);
        Read(section, "retries: 0\n", v => retries.Read(v)).Errors.ShouldBe(["f.yml:1:10: 'retries' must be a positive integer, got 0"]);
        Read(section, "retrys: 2\n", v => mode.Read(v)).Errors.ShouldBe(["f.yml:1:1: unknown key 'retrys' in fake; did you mean 'retries'?"]);

        var schema = JsonDocument.Parse(ConfigSchemaWriter.Write([section])).RootElement.GetProperty("properties");
        schema.GetProperty("retries").GetProperty("default").GetInt32().ShouldBe(5);
        schema.GetProperty("retries").GetProperty("minimum").GetInt32().ShouldBe(1);
        schema.GetProperty("retries").GetProperty("description").GetString().ShouldBe("How often to retry the fake thing.");
        schema.GetProperty("mode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(["fast", "slow"]);

        ConfigDocs.Render([section]).ShouldContain("| `fake.retries` | integer ≥ 1 | `5` | How often to retry the fake thing. |");
    }

    [Fact]
    public void Declare_SameKeyTwice_IsRefused()
    {
        var builder = new SectionBuilder("twice", "twice", "x");
        builder.Bool("on", true, "x");
        Should.Throw<InvalidOperationException>(() => builder.Bool("on", false, "y")).Message.ShouldContain("declared twice");
    }

    [Fact]
    public void Schema_EveryPropertyAndSection_HasADescription()
    {
        var missing = new List<string>();
        Walk(JsonDocument.Parse(ConfigSchema.Json).RootElement, "#", missing);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void ConfigDefaults_AreTheDeclaredDefaults()
    {
        ConfigDefaults.Loop.MaxAttempts.ShouldBe(LoopSection.MaxAttempts.Default);
        ConfigDefaults.Lane(Lane.Safe).Guardrails.MaxFiles.ShouldBe(10);
        ConfigDefaults.Lane(Lane.Human).AutoMerge.ShouldBeFalse();
        ConfigDefaults.Lane(Lane.Staging).DeploymentEnvironment.ShouldBe("staging");
        var lane = JsonDocument.Parse(ConfigSchema.Json).RootElement.GetProperty("$defs").GetProperty("lane").GetProperty("properties");
        lane.GetProperty("autoMerge").GetProperty("description").GetString().ShouldEndWith("Default: safe true, staging true, human false.");
    }

    [Theory]
    [InlineData(Lane.Safe)]
    [InlineData(Lane.Staging)]
    [InlineData(Lane.Human)]
    public void DefaultConfig_Lanes_SpellOutTheDeclaredDefaults(Lane lane)
    {
        // The file init writes repeats the lanes for people to read; this keeps it equal to the one declaration.
        // One known difference, kept as it was: the seed file merges human-lane PRs once a person approved
        // (autoMerge: true), while a file that leaves the key out gets the stricter declared default (false).
        var expected = ConfigDefaults.Lane(lane);
        Same(DefaultConfig.Load().Lane(lane), lane == Lane.Human ? expected with { AutoMerge = true } : expected);
    }

    [Fact]
    public void DefaultConfig_Sections_SpellOutTheDeclaredDefaults()
    {
        var config = DefaultConfig.Load();
        Same(config.Sizing, ConfigDefaults.Sizing);
        config.Protections.ShouldBe(ConfigDefaults.Protections);
        config.Validation.Entrypoint.ShouldBe(ConfigDefaults.Validation.Entrypoint);
        // The one deliberate difference: the dashboard issue is off by default and on in the file init writes.
        Same(config.Loop, ConfigDefaults.Loop with { DashboardIssue = true });
        config.Agents.ShouldAllBe(a => a.Timeout == ConfigDefaults.AgentTimeout && a.Inactivity == ConfigDefaults.AgentInactivity);
    }

    [Fact]
    public void Readme_ConfigurationTable_IsTheGeneratedOne()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(ConfigDocs.Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(ConfigDocs.End, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "README.md has no generated configuration table: paste the output of 'autoship config docs'");
        end.ShouldBeGreaterThan(start);
        readme[start..(end + ConfigDocs.End.Length + 1)].ShouldBe(ConfigDocs.Markdown, "README.md's table is stale: replace it with the output of 'autoship config docs'");
    }

    // Records holding lists compare their lists by reference; their JSON compares the values.
    private static void Same<T>(T actual, T expected) => JsonSerializer.Serialize(actual).ShouldBe(JsonSerializer.Serialize(expected));

    private static (T Value, string[] Errors) Read<T>(ConfigSection section, string yaml, Func<MapView, T> read)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var reader = new ConfigReader("f.yml");
        reader.Index(stream.Documents[0].RootNode, "fake");
        var value = read(MapView.Open(reader, stream.Documents[0].RootNode, section));
        return (value, reader.Errors.Select(e => e.ToString()).ToArray());
    }

    private static void Walk(JsonElement schema, string at, List<string> missing)
    {
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (!property.Value.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
                {
                    missing.Add($"{at}/{property.Name}");
                }
            }
        }

        if (schema.TryGetProperty("$defs", out var defs))
        {
            foreach (var def in defs.EnumerateObject())
            {
                if (!def.Value.TryGetProperty("description", out _))
                {
                    missing.Add($"#/$defs/{def.Name}");
                }

                Walk(def.Value, $"#/$defs/{def.Name}", missing);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoship.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Autoship.sln not found above " + AppContext.BaseDirectory);
    }
}
