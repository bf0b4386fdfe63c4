using System.CommandLine;
using Autoship.Cli.Commands;

namespace Autoship.Cli;

/// <summary>The <c>autoship</c> command tree. Each command lives in its own file under <c>Commands/</c>.</summary>
public static class AutoshipCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Autoship runs coding agents on labeled issues, reviews their pull requests with a different agent, " +
            "gates them by risk lane and merges only what is safe.\n\n" +
            "Exit codes: 0 success, 1 the command ran and found a problem (invalid config, failed check), " +
            "2 bad usage or unreadable configuration, 3 the forge or store could not be reached.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return VersionCommand.Create();
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        return await parse.InvokeAsync();
    }
}
