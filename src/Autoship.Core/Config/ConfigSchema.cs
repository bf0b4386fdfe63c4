namespace Autoship.Core.Config;

/// <summary>
/// The JSON Schema (draft 2020-12) of <c>.github/autoship.yml</c>, printed by <c>autoship config schema</c> for editors.
/// Generated from the same key declarations the loader reads with, so the two cannot disagree.
/// </summary>
public static class ConfigSchema
{
    /// <summary>Where <c>autoship config schema</c> output is meant to be saved, beside the configuration.</summary>
    public const string FileName = "autoship.schema.json";

    /// <summary>The modeline <c>init</c> writes first, for editors running yaml-language-server (VS Code's YAML extension and others).</summary>
    public const string Modeline = "# yaml-language-server: $schema=" + FileName;

    /// <summary>The schema text.</summary>
    public static string Json { get; } = ConfigSchemaWriter.Write(ConfigCatalog.Sections);
}
