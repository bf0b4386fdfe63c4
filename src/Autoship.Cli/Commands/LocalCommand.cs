using Autoship.Cli.Help;
using System.CommandLine;

namespace Autoship.Cli.Commands;

/// <summary><c>autoship local …</c>: create and drive the embedded local forge like a person would drive GitHub.</summary>
internal static class LocalCommand
{
    public static Command Create()
    {
        var command = new Command("local", "Create and use the embedded local forge (a bare git repository with issues, pull requests, reviews, CI and deployments).");
        command.Subcommands.Add(LocalInitCommand.Create());
        command.Subcommands.Add(LocalImportCommand.Create());
        command.Subcommands.Add(LocalUserCommand.Create());
        command.Subcommands.Add(LocalIssueCommand.Create());
        command.Subcommands.Add(LocalLabelCommand.Create());
        command.Subcommands.Add(LocalPrCommand.Create());
        command.Subcommands.Add(LocalReviewCommands.Approve());
        command.Subcommands.Add(LocalReviewCommands.RequestChanges());
        command.Subcommands.Add(LocalMergeCommand.Create());
        command.Subcommands.Add(LocalDeployCommand.Create());
        return command.WithExamples("autoship local init ./forge --sample", "autoship local issue create --forge ./forge --title 'Fix typo' --label autonomy:ready --label area:docs", "autoship local pr list --forge ./forge");
    }
}
