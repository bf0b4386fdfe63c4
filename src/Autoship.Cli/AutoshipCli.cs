using System.CommandLine;
using Autoship.Cli.Commands;
using Autoship.Cli.Help;

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

        root.Options.Add(Quiet);

        root.WithExamples(
            "# try the whole loop on a throwaway local forge",
            "autoship demo",
            "# on your repository (inside a GitHub checkout, or with -R OWNER/REPO)",
            "autoship init && autoship doctor && autoship tick --dry-run");
        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return VersionCommand.Create();
        yield return DemoCommand.Create();
        yield return TickCommand.Create();
        yield return RunCommand.Create();
        yield return WorkCommand.Create();
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
        yield return SimulateCommand.Create();
    }

    /// <summary><c>--verbose</c> on any command: a failure also prints its stack trace.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "On failure, also print the stack trace", Recursive = true };

    /// <summary><c>--quiet</c> on any command: no live progress on stderr (errors still print).</summary>
    public static Option<bool> Quiet { get; } = new("--quiet") { Description = "Print no progress on stderr (errors still print)", Recursive = true };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line with its output and errors on the given writers (a <see cref="Reporting.FixedWidthWriter"/> fixes the width).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var root = Build();
        root.Options.Add(Verbose);
        HelpLayout.Apply(root, HelpLayout.Width(output));
        var parse = root.Parse(Context.OutputOptions.Disambiguate(args));
        if (parse.Errors.Count > 0 && !HelpLayout.IsHelp(parse))
        {
            foreach (var error in parse.Errors)
            {
                await errors.WriteLineAsync("autoship: " + error.Message);
            }

            await errors.WriteLineAsync($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            // No forced exit on Ctrl-C: the loop finishes the action under way, then stops (run, serve).
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = errors });
        }
        catch (OperationCanceledException)
        {
            await errors.WriteLineAsync("autoship: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            var (code, message) = CliErrors.Describe(e);
            await errors.WriteLineAsync("autoship: " + message);
            if (parse.GetValue(Verbose))
            {
                await errors.WriteLineAsync(e.ToString());
            }

            return code;
        }
    }

    /// <summary>The full command line of a command, e.g. <c>autoship local issue create</c>.</summary>
    internal static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = (System.CommandLine.Parsing.SymbolResult?)result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
            {
                names.Insert(0, c.Command is RootCommand ? "autoship" : c.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
