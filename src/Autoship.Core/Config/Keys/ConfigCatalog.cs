namespace Autoship.Core.Config;

/// <summary>Every section of the configuration, root first: what the schema, the key lists and the README table are made from.</summary>
internal static class ConfigCatalog
{
    public static IReadOnlyList<ConfigSection> Sections { get; } =
    [
        RootSection.Section, LabelAreaSections.Label, LabelAreaSections.Area, LanesSection.Section, LaneSection.Section,
        GuardrailsSection.Section, RuleSections.Rules, RuleSections.LabelRule, RuleSections.PathRule, RuleSections.ContentRule,
        AgentSections.Agent, AgentSections.RunnerSection, LoopSection.Section, ValidationSection.Section, SizingSection.Section,
        ProtectionsSection.Section, ExecutorSection.Section, QueueSection.Section,
    ];
}
