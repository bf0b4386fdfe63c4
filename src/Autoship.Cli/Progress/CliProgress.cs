using System.CommandLine;
using Autoship.Cli.Context;
using Spectre.Console;

namespace Autoship.Cli.Progress;

/// <summary>
/// Picks a command's progress renderer. Progress always goes to stderr, so stdout (tables, <c>--json</c>) stays what it
/// was: a live Spectre status when stderr is a terminal, plain throttled lines when it is a file, a pipe or a CI log,
/// nothing with <c>--quiet</c>.
/// </summary>
internal static class CliProgress
{
    public static ICliProgress For(CommandContext cli) => For(cli.Parse, cli.Error);

    public static ICliProgress For(ParseResult parse, TextWriter error)
    {
        if (parse.GetValue(AutoshipCli.Quiet))
        {
            return NoProgress.Instance;
        }

        var terminal = error == Console.Error && !Console.IsErrorRedirected
            && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        return terminal ? new LiveProgress(ErrorConsole(), TimeProvider.System) : new PlainProgress(error, TimeProvider.System);
    }

    private static IAnsiConsole ErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
