using System.CommandLine;
using Spectre.Console;

namespace Autoship.Cli.Reporting;

/// <summary>
/// The one output stack of every command: a Spectre console on the invocation's output (what tests capture), JSON on
/// the same writer, and errors on the invocation's error writer. Width: <c>COLUMNS</c> when set, the terminal's width
/// on a terminal (80 when it reports no size), and a wide page (200) when the output goes to a file or a pipe, so piped
/// tables are not cut; colour and other escape codes only on a terminal (as gh does), following <c>NO_COLOR</c> there
/// (Spectre's detection).
/// </summary>
internal static class CliConsole
{
    public const int PipedWidth = 200;

    public static IAnsiConsole For(ParseResult parse) => Create(parse.InvocationConfiguration.Output);

    public static IAnsiConsole Create(TextWriter writer)
    {
        var terminal = writer == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = Width(writer);

        return console;
    }

    /// <summary>The width of a terminal that does not say how wide it is (a pseudo-terminal with no window size).</summary>
    public const int UnknownTerminalWidth = 80;

    private static int Width(TextWriter writer) =>
        TerminalWidth.Of(writer) ?? (writer != Console.Out || Console.IsOutputRedirected ? PipedWidth : UnknownTerminalWidth);
}
