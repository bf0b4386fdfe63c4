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
            "2 bad usage or unreadable configuration, 3 the forge or store could not be reached, 4 the issue, pull request or repository asked for does not exist. " +
            "Add --verbose to see the stack trace of a failure.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return VersionCommand.Create();
        yield return DemoCommand.Create();
        yield return TickCommand.Create();
        yield return RunCommand.Create();
        yield return ServeCommand.Create();
        yield return StatusCommand.Create();
        yield return ExplainCommand.Create();
        yield return PauseCommand.Create(pause: true);
        yield return PauseCommand.Create(pause: false);
        yield return LocalCommand.Create();
        yield return InitCommand.Create();
        yield return ConfigCommand.Create();
        yield return ClassifyCommand.Create();
        yield return AgentCommand.Create();
        yield return LabelsCommand.Create();
        yield return ProtectCommand.Create();
        yield return DoctorCommand.Create();
    }

    /// <summary><c>--verbose</c> on any command: a failure also prints its stack trace.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "On failure, also print the stack trace", Recursive = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        root.Options.Add(Verbose);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync("autoship: " + error.Message);
            }

            await Console.Error.WriteLineAsync($"Run '{parse.CommandResult.Command.Name} --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            // No forced exit on Ctrl-C: the loop finishes the action under way, then stops (run, serve).
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("autoship: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            var (code, message) = CliErrors.Describe(e);
            await Console.Error.WriteLineAsync("autoship: " + message);
            if (parse.GetValue(Verbose))
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }

            return code;
        }
    }
}
