namespace Autoship.Core.Config;

/// <summary>Every key the loader accepts, per section, read off the declarations in <see cref="ConfigCatalog"/>.</summary>
internal static class ConfigKeys
{
    public const string RootSection = "root";

    public static IReadOnlyList<string> Root => Config.RootSection.Section.KeyNames;

    public static IReadOnlyList<string> Lanes { get; } = Enum.GetValues<Lane>().Select(l => l.Name()).ToList();

    public static IReadOnlyList<string> Agent => AgentSections.Agent.KeyNames;

    public static IReadOnlyList<string> Guardrails => GuardrailsSection.Section.KeyNames;

    public static IReadOnlyList<string> Presets => AgentSections.Presets;

    public static IReadOnlyList<string> Sandboxes => AgentSections.Sandboxes;

    public static IReadOnlyList<string> Actions => RuleSections.Actions;

    /// <summary>Section name (as in the schema's <c>$defs</c>, or <see cref="RootSection"/>) to its keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections { get; } =
        ConfigCatalog.Sections.ToDictionary(s => s.Name, s => s.KeyNames);
}
