using Autoship.Core.Config;

namespace Autoship.Agents.Tests;

/// <summary>The AGENTS.md recipe "add an agent preset" is true: a preset is its class plus its name in the config vocabulary.</summary>
public sealed class PresetCatalogTests
{
    [Fact]
    public void Names_AreExactlyTheConfigurationsPresets()
    {
        AgentPresets.Names.ShouldBe(ConfigKeys.Presets, ignoreOrder: true);
    }

    [Fact]
    public void Discover_FakePresetClass_IsFoundByItsNameWithItsExecutable()
    {
        var found = AgentPresets.Discover(typeof(FakeToolPreset).Assembly);

        found.ShouldContainKey("fake-tool");
        var fake = found["fake-tool"].ShouldBeOfType<FakeToolPreset>();
        fake.Executable(Fixtures.Agent(preset: "fake-tool").Runner).ShouldBe("fake-tool");
        found.Keys.ShouldNotContain("claude");
    }

    [Fact]
    public void Find_EveryPresetName_HasAnExecutableAndBothRoles()
    {
        foreach (var name in AgentPresets.Names.Where(n => !AgentPresets.IsBuiltin(n)))
        {
            var preset = AgentPresets.Find(name).ShouldNotBeNull(name);
            preset.Name.ShouldBe(name);
            var runner = Fixtures.Agent(preset: name, command: [name]).Runner;
            preset.Executable(runner).ShouldNotBeNullOrWhiteSpace(name);
        }
    }
}

/// <summary>A preset declared outside the product: discovery finds it like the shipped ones.</summary>
public sealed class FakeToolPreset : IAgentPreset
{
    public string Name => "fake-tool";

    public IReadOnlyList<string> Credentials { get; } = ["FAKE_TOOL_KEY"];

    public string Executable(RunnerSettings runner) => "fake-tool";

    public PresetCommand Author(PresetContext context) => new(["fake-tool", "write"], Stdin: context.PromptText);

    public PresetCommand Reviewer(PresetContext context) => new(["fake-tool", "review"], Stdin: context.PromptText);
}
