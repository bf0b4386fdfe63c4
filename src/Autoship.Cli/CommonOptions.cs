using System.CommandLine;

namespace Autoship.Cli;

/// <summary>Options shared by many commands; create a fresh instance per command (System.CommandLine owns them).</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "Use this configuration file instead of the repository's .github/autoship.yml.",
    };

    public static Option<string?> Forge() => new("--forge")
    {
        Description = "The forge: local:DIR (the embedded local forge) or github:OWNER/REPO.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print machine-readable JSON instead of tables.",
    };

    public static Option<bool> DryRun() => new("--dry-run")
    {
        Description = "Show what would change and change nothing.",
    };
}
